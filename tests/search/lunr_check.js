// Runs queries with real lunr.js 2.3.9 on the sharded search files and, when given, the full
// (monolithic) lunr.py index, and prints the results as JSON for the Python tests.
//   node lunr_check.js <lunr.js> <search dir> <monolithic index.json or -> <queries.json> [--typing]
// Output: {query: {raw: {shard, mono}, reader: {shard, mono}, files: [...]}} with results as
// [ref, score, [matched terms]]; `files` are the search files a fresh page fetches for the reader
// query and its first 20 results, `ms` the time that took (files read from disk), `warmMs` the
// time of the same query once its files are loaded. With --typing, `typedMs`: the time of each
// keystroke's search as the query is typed a character at a time, once that search's files are
// loaded (what a reader waits for after each key, network aside).
"use strict";
const fs = require("fs");
const path = require("path");

const [lunrPath, dir, monoPath, queriesPath, option] = process.argv.slice(2);
const lunr = require(path.resolve(lunrPath));
const ArchiveSearch = require(path.resolve(__dirname, "../../theme/static/js/search-core.js"))(lunr);

function results(list) {
  return list.map((r) => [Number(r.ref), r.score, Object.keys(r.matchData.metadata).sort()]);
}

function copy(clause) {
  return Object.assign({}, clause, { fields: clause.fields.slice() });
}

/* Per keystroke of `q` typed from its first character (spaces skipped): ms of the search. */
async function typing(engine, q) {
  const times = [];
  for (let i = 1; i <= q.length; i++) {
    const typed = q.slice(0, i);
    if (!typed.trim() || typed.endsWith(" ")) continue;
    await engine.readerSearch(typed); // fetches what this keystroke needs
    const start = process.hrtime.bigint();
    await engine.readerSearch(typed);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function main() {
  const queries = JSON.parse(fs.readFileSync(queriesPath, "utf8"));
  const mono = monoPath === "-" ? null : lunr.Index.load(JSON.parse(fs.readFileSync(monoPath, "utf8")));
  const out = {};
  for (const q of queries) {
    let loaded = [];
    const load = (p) => {
      loaded.push(p);
      return Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, p), "utf8")));
    };
    const entry = { raw: {}, reader: {} };
    let engine = await ArchiveSearch.Engine.create(load);
    try {
      entry.raw.shard = results(await engine.search(q));
    } catch (e) {
      entry.raw.shard = String(e.name || e);
    }
    // A fresh engine, as a page that just opened: files and time to the first 20 results shown.
    loaded = [];
    const start = process.hrtime.bigint();
    engine = await ArchiveSearch.Engine.create(load);
    const found = await engine.readerSearch(q);
    await engine.documents(found.slice(0, 20).map((r) => Number(r.ref)));
    entry.ms = Number(process.hrtime.bigint() - start) / 1e6;
    entry.files = loaded.slice();
    entry.reader.shard = results(found);
    // The same query again on that engine (its shards cached): the time of a keystroke.
    const again = process.hrtime.bigint();
    await engine.readerSearch(q);
    entry.warmMs = Number(process.hrtime.bigint() - again) / 1e6;
    if (option === "--typing") entry.typedMs = await typing(engine, q);
    if (mono) {
      try {
        entry.raw.mono = results(mono.search(q));
      } catch (e) {
        entry.raw.mono = String(e.name || e);
      }
      const clauses = engine.readerClauses(q);
      let r = mono.query((query) => clauses.forEach((c) => query.clause(copy(c))));
      const relaxed = r.length ? null : engine.relaxed(clauses);
      if (relaxed) r = mono.query((query) => relaxed.forEach((c) => query.clause(copy(c))));
      entry.reader.mono = results(r);
    }
    out[q] = entry;
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
