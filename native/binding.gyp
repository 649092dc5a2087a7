# kload's native core. Links the librdkafka that @platformatic/rdkafka already built, through an
# $ORIGIN-relative rpath: the process then maps exactly one librdkafka.so.1 (the loader dedups by
# soname and path), and the tree can move without breaking the addon. rdkafka-deps.cjs finds that
# librdkafka by Node's resolution, so the paths are right in a checkout and in an installed kload
# whose @platformatic/rdkafka npm hoisted beside it.
{
  "variables": {
    "rdkafka_deps": "<!(node rdkafka-deps.cjs dir)",
    "rdkafka_rpath": "<!(node rdkafka-deps.cjs rpath)"
  },
  "targets": [
    {
      "target_name": "kload_native",
      "sources": [
        "src/module.cc",
        "src/common.cc",
        "src/client.cc",
        "src/produce_batch.cc",
        "src/waiter.cc",
        "src/stamp.cc",
        "src/producer.cc",
        "src/consumer.cc"
      ],
      "include_dirs": ["<(rdkafka_deps)/include"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++1y", "-std=gnu++20"],
      "cflags_cc": ["-std=c++17", "-O2", "-fexceptions", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Wno-ignored-qualifiers"],
      "libraries": [
        "-L<(rdkafka_deps)",
        "-l:librdkafka.so.1",
        "-Wl,-rpath,'$$ORIGIN/<(rdkafka_rpath)'"
      ]
    }
  ]
}
