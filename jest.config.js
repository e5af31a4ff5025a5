// `npm test` runs every project's unit and integration configurations in one Jest run, so the
// totals line covers the whole repository.
const fs = require('node:fs');
const path = require('node:path');

function findConfigs(dir, depth) {
  if (depth < 0 || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'src' ? [] : findConfigs(full, depth - 1);
    return /^jest(\.[a-z-]+)?\.config\.js$/.test(entry.name) ? [full] : [];
  });
}

const projects = ['apps', 'libs', 'tools', 'bench'].flatMap((top) => findConfigs(path.join(__dirname, top), 3)).sort();

module.exports = { projects };
