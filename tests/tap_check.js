// Parse TAP from stdin with node-tap's own parser (TAP 14, strict) and print
// what it understood as JSON, for the Python tests to assert on.
const { Parser } = require('tap-parser');

const results = { asserts: [], subtests: [], errors: [] };
const p = new Parser({ strict: true }, (final) => {
  results.final = {
    ok: final.ok, count: final.count, pass: final.pass, fail: final.fail,
    skip: final.skip, plan: final.plan && { start: final.plan.start, end: final.plan.end },
  };
  process.stdout.write(JSON.stringify(results));
});
p.on('assert', (a) => results.asserts.push({ ok: a.ok, id: a.id, name: a.name, skip: a.skip || false, diag: a.diag || null }));
p.on('child', (child) => {
  const sub = { name: child.name, asserts: [] };
  results.subtests.push(sub);
  child.on('assert', (a) => sub.asserts.push({ ok: a.ok, id: a.id, name: a.name, skip: a.skip || false, diag: a.diag || null }));
});
p.on('parseError', (e) => results.errors.push(e));
process.stdin.pipe(p);
