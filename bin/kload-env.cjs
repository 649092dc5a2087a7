#!/usr/bin/env node
'use strict';
// Runs a compiled script (a bench) with the same thread-pool size the kload CLI uses.
if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = '32';
const { pathToFileURL } = require('node:url');
const script = require('node:path').resolve(process.argv[2]);
process.argv.splice(1, 1); // the script sees itself as argv[1], as if run directly
import(pathToFileURL(script).href);
