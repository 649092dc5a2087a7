'use strict';
// Prints, for binding.gyp, where @platformatic/rdkafka left the librdkafka it built: `dir` the
// absolute build/deps directory, `rpath` that directory relative to native/build/Release (for an
// $ORIGIN rpath). Node's own resolution finds the package, so both layouts work: a checkout
// (kload/node_modules/@platformatic/rdkafka) and kload installed as a dependency, where npm
// usually hoists it beside kload (project/node_modules/@platformatic/rdkafka).
const { realpathSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const here = realpathSync(__dirname);
const manifest = require.resolve('@platformatic/rdkafka/package.json', { paths: [here] });
const deps = join(realpathSync(dirname(manifest)), 'build', 'deps');
const what = process.argv[2];
if (what === 'dir') process.stdout.write(deps);
else if (what === 'rpath') process.stdout.write(relative(join(here, 'build', 'Release'), deps));
else {
  process.stderr.write('usage: node rdkafka-deps.cjs dir|rpath\n');
  process.exit(2);
}
