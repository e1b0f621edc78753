// Runs queries with real lunr.js 2.3.9 on the sharded search files and, when given, the full
// (monolithic) lunr.py index, and prints the results as JSON for the Python tests. On the full
// index lunr.js runs as it is, but for one documented difference: a fuzzy term (word~1) expands
// only to the index terms that share its first character (search-core.js's FUZZY_PREFIX), as
// the sharded search does so that it fetches only that part of the dictionary.
//   node lunr_check.js <lunr.js> <search dir> <monolithic index.json or -> <queries.json> [--typing]
// Output: {query: {raw: {shard, mono}, reader: {shard, mono}, typed: {shard, mono}, files: [...]}}
// (typed: the query as if still being typed) with results as
// [ref, score, [matched terms]]; `files` are the search files a fresh page fetches for the reader
// query and its first 20 results, `ms` the time that took (files read from disk), `warmMs` the
// time of the same query once its files are loaded, `relaxed` whether no release had every
// word (any-word results), `pending` a last word left out while typing. With --typing, `typedMs`: the time of each
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

/* lunr.js's Index.query on the full index, fuzzy terms keeping their first character. */
function restrictFuzzy(mono) {
  const fromClause = lunr.TokenSet.fromClause;
  lunr.TokenSet.fromClause = function (clause) {
    const set = fromClause(clause);
    set.clauseCopy = Object.assign({}, clause);
    return set;
  };
  const intersect = mono.tokenSet.intersect.bind(mono.tokenSet);
  mono.tokenSet.intersect = function (b) {
    const out = intersect(b), c = b.clauseCopy;
    if (!c) return out;
    return { toArray: () => ArchiveSearch.keepPrefix(c, c.term, out.toArray()) };
  };
  return mono;
}

/* What Engine.find gives for a reader's query, computed with lunr.js on the full index: the same
 * clauses (readerClauses), any-word clauses when no result has every word, the same ranking. */
async function monoFind(mono, engine, q, options) {
  const plan = await engine.readerClauses(q, options);
  const run = (clauses) => mono.query((query) => clauses.forEach((c) => query.clause(copy(c))));
  let r = plan.clauses.length ? run(plan.clauses) : [];
  const relaxed = r.length ? null : engine.relaxed(plan.clauses);
  if (relaxed) r = run(relaxed);
  return engine.rank(r, plan, !!relaxed);
}

/* Per keystroke of `q` typed from its first character (spaces skipped): ms of the search. */
async function typing(engine, q) {
  const times = [];
  for (let i = 1; i <= q.length; i++) {
    const typed = q.slice(0, i);
    if (!typed.trim() || typed.endsWith(" ")) continue;
    await engine.readerSearch(typed, { typing: true }); // fetches what this keystroke needs
    const start = process.hrtime.bigint();
    await engine.readerSearch(typed, { typing: true });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function main() {
  const queries = JSON.parse(fs.readFileSync(queriesPath, "utf8"));
  const mono = monoPath === "-" ? null : restrictFuzzy(lunr.Index.load(JSON.parse(fs.readFileSync(monoPath, "utf8"))));
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
    const found = await engine.find(q);
    await engine.documents(found.results.slice(0, 20).map((r) => Number(r.ref)));
    entry.ms = Number(process.hrtime.bigint() - start) / 1e6;
    entry.files = loaded.slice();
    entry.reader.shard = results(found.results);
    entry.relaxed = found.relaxed;
    entry.pending = found.pending;
    // The same query again on that engine (its files loaded): the time of a keystroke.
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
      entry.reader.mono = results(await monoFind(mono, engine, q));
      // the same query as typed: its last word may be left out (pending)
      entry.typed = {
        shard: results((await engine.find(q, { typing: true })).results),
        mono: results(await monoFind(mono, engine, q, { typing: true })),
      };
    }
    out[q] = entry;
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
