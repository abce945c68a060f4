// Run by `npm test` before the suite: the HTML report is tested in a real browser (Debian's
// Chromium at /usr/bin/chromium) and its screenshot needs a CJK font. When either is missing this
// installs Debian's `chromium` and `fonts-wqy-zenhei` with apt-get (as root, or through sudo);
// otherwise it says in one line what to install and exits 1, so that the browser tests never skip.
//
//   node scripts/test-setup.js            check, install what is missing
//   node scripts/test-setup.js --dry-run  check, print the commands it would run, install nothing
//
// ZJS_TEST_SETUP_MISSING=chromium,fonts-wqy-zenhei makes it treat those packages as missing (to try
// the install path on a machine that has them).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];
const CJK_FONT_FILE = /wqy|zenhei|cjk|uming|ukai|droidsansfallback/i;
const PACKAGES = { chromium: 'chromium', font: 'fonts-wqy-zenhei' };

const dryRun = process.argv.includes('--dry-run');
const assumedMissing = new Set((process.env.ZJS_TEST_SETUP_MISSING ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** The executable of that name on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Font files under a folder, searched a few levels deep. */
function fontFiles(dir, depth = 0) {
  if (depth > 4) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? fontFiles(join(dir, e.name), depth + 1) : [e.name]));
}

function hasCjkFont() {
  const fcList = onPath('fc-list');
  if (fcList) {
    const r = spawnSync(fcList, [':lang=zh', 'family'], { encoding: 'utf8' });
    if (r.status === 0) return r.stdout.trim() !== '';
  }
  return FONT_DIRS.some((dir) => fontFiles(dir).some((name) => CJK_FONT_FILE.test(name)));
}

function missingPackages() {
  const missing = [];
  if (assumedMissing.has(PACKAGES.chromium) || !existsSync(CHROMIUM)) missing.push(PACKAGES.chromium);
  if (assumedMissing.has(PACKAGES.font) || !hasCjkFont()) missing.push(PACKAGES.font);
  return missing;
}

const say = (line) => process.stderr.write(`test set-up: ${line}\n`);

const missing = missingPackages();
if (missing.length === 0) {
  say(`${CHROMIUM} and a CJK font are present; nothing to install`);
  process.exit(0);
}

const root = process.getuid?.() === 0;
const sudo = root ? null : onPath('sudo');
const aptGet = onPath('apt-get');
const manual = `apt-get install -y ${missing.join(' ')}`;
if (!aptGet || (!root && !sudo)) {
  const why = !aptGet ? 'apt-get is not available' : 'not root and sudo is not available';
  say(`the HTML report tests need ${missing.join(' and ')} (${why}): install them as root with \`${manual}\`, then run npm test again`);
  process.exit(1);
}

const prefix = root ? [] : ['sudo'];
const commands = [
  [...prefix, 'apt-get', 'update', '-qq'],
  [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing],
];
if (dryRun) {
  for (const c of commands) process.stdout.write(`would run: ${c.join(' ')}\n`);
  process.exit(0);
}
say(`installing ${missing.join(' and ')} for the HTML report tests`);
for (const [command, ...args] of commands) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    say(`\`${[command, ...args].join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}); install them with \`${manual}\`, then run npm test again`);
    process.exit(1);
  }
}
const still = missingPackages().filter((p) => !assumedMissing.has(p));
if (still.length > 0) {
  say(`${still.join(' and ')} still missing after apt-get install; install them with \`${manual}\``);
  process.exit(1);
}
say(`installed ${missing.join(' and ')}`);
