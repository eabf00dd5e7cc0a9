// The newest modification time of what a build reads, shared by `npm start` (scripts/start.mjs, the Next.js build)
// and the CLI bundle (scripts/cli-bundle.cjs): CommonJS so both can load it without a build step.
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

// Tests do not change a build, so editing one does not trigger a rebuild.
const IGNORED = /\.test\.tsx?$/;

/** The newest modification time (ms) of any file under `p`, or 0 when `p` does not exist. */
function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return IGNORED.test(p) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

module.exports = { newestMtime };
