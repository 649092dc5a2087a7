'use strict';
// npm's postinstall for kload: builds the native core when kload is installed as a package
// (`npm install kload`, `npm install -g kload-x.tgz`), and does nothing in a checkout, where
// scripts/install.sh runs `npm run build:native` after `npm ci` (building here too would compile
// it twice on every install). postinstall, not install: npm runs every package's install script
// at once, and @platformatic/rdkafka's compiles the librdkafka this build links; every install
// script has finished before the first postinstall starts.
const { spawnSync } = require('node:child_process');
const { realpathSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

const root = realpathSync(join(__dirname, '..'));
const parent = dirname(root);
const installed = basename(parent) === 'node_modules' || basename(dirname(parent)) === 'node_modules';
if (!installed) process.exit(0);

// npm hands its bundled node-gyp to lifecycle scripts; `node-gyp` on PATH is the fallback.
const gyp = process.env.npm_config_node_gyp;
const args = ['rebuild', '--directory', 'native'];
const run = gyp
  ? spawnSync(process.execPath, [gyp, ...args], { cwd: root, stdio: 'inherit' })
  : spawnSync('node-gyp', args, { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  process.stderr.write(
    `kload: building the native core failed (${run.error ? run.error.message : `exit ${run.status}`}). ` +
      'It needs g++, make and python3, like @platformatic/rdkafka. ' +
      `Rebuild it with \`npm run build:native\` in ${root}; until then scenarios can set client: node-rdkafka.\n`,
  );
  process.exit(1);
}
