#!/usr/bin/env node
'use strict';
// librdkafka's connect, flush, disconnect and consume calls run on libuv's thread pool, which
// defaults to 4 threads for the whole process: with many clients they queue behind each other.
// libuv reads this variable once, when the pool first starts, so it is set before anything loads
// (this file is CommonJS precisely so nothing asynchronous runs before this line).
if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = '32';
import('../dist/src/cli/main.js').then((cli) => cli.main(process.argv.slice(2)));
