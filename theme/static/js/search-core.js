/* Search over the term-sharded lunr index written by the archive_search plugin.
 *
 * The format is described in plugins/newsarchive/search/shards.py. This file has no DOM code: it
 * runs in the browser (window.ArchiveSearch, built on window.lunr) and in Node tests
 * (module.exports is a factory taking lunr). `load(path)` returns a promise of the parsed JSON of
 * a file under the search folder ("index.json", "t/3.json").
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.ArchiveSearch = factory(root.lunr);
  }
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var PRESENCE = lunr.Query.presence;
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var MAX_PREFIX_TERMS = 60; // a prefix with more expansions gives way to the exact word

  /* The folding the index applied (newsarchive/search/index.py: fold): accents dropped,
   * possessive 's cut, punctuation made spaces; lunr's query syntax characters are kept. */
  function fold(text, keepSyntax) {
    var out = String(text || "")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/['\u2019]s\b/gu, "");
    var notWord = keepSyntax ? /[^\p{L}\p{N}\s:*~^+\-]+/gu : /[^\p{L}\p{N}\s\-]+/gu;
    return out.replace(notWord, " ").replace(/_/g, " ");
  }

  function copyClause(clause, changes) {
    var out = {};
    Object.keys(clause).forEach(function (key) {
      out[key] = key === "fields" ? clause.fields.slice() : clause[key];
    });
    Object.keys(changes || {}).forEach(function (key) {
      if (changes[key] === undefined) delete out[key];
      else out[key] = changes[key];
    });
    return out;
  }

  function Engine(meta, load) {
    this.meta = meta;
    this.load = load;
    this.fields = meta.fields;
    this.terms = meta.terms ? meta.terms.split("\n") : [];
    this.position = new Map();
    for (var i = 0; i < this.terms.length; i++) this.position.set(this.terms[i], i);
    this.tokenSet = lunr.TokenSet.fromArray(this.terms);
    this.pipeline = lunr.Pipeline.load(meta.pipeline);
    this.files = new Map(); // path -> promise of parsed JSON (fetched once per page)
  }

  Engine.create = function (load) {
    return load("index.json").then(function (meta) {
      return new Engine(meta, load);
    });
  };

  Engine.prototype.file = function (path) {
    if (!this.files.has(path)) {
      var files = this.files;
      var promise = this.load(path);
      promise.catch(function () {
        files.delete(path);
      });
      files.set(path, promise);
    }
    return this.files.get(path);
  };

  /* Query clauses of a lunr query string, as lunr's own parser makes them. */
  Engine.prototype.parse = function (queryString) {
    var query = new lunr.Query(this.fields);
    new lunr.QueryParser(queryString, query).parse();
    return query.clauses;
  };

  /* The index terms one clause expands to, per term of the search pipeline, exactly as
   * lunr.Index.prototype.query expands them (pipeline unless the clause says not, then the token
   * set: prefix, wildcard, edit distance). */
  Engine.prototype.expansions = function (clause) {
    var self = this;
    var terms = clause.usePipeline
      ? this.pipeline.runString(clause.term, { fields: clause.fields })
      : [clause.term];
    return terms.map(function (term) {
      return self.tokenSet
        .intersect(lunr.TokenSet.fromClause(copyClause(clause, { term: term })))
        .toArray();
    });
  };

  /* All the index terms one clause expands to. */
  Engine.prototype.expandClause = function (clause) {
    return [].concat.apply([], this.expansions(clause));
  };

  Engine.prototype.shardOf = function (position) {
    var starts = this.meta.shards, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /* Postings of the given terms from their term shards: a Map term -> {index: lunr's term
   * number, fields: per field position null or {refs: Int32Array ascending, scores: Float64Array}},
   * the score being the term's component of that field's vector in the full lunr index. */
  Engine.prototype.postings = function (terms) {
    var self = this, wanted = [], shards = new Set();
    terms.forEach(function (term) {
      var pos = self.position.get(term);
      if (pos === undefined) return;
      var k = self.shardOf(pos);
      wanted.push([term, pos, k]);
      shards.add(k);
    });
    var ids = Array.from(shards);
    return Promise.all(ids.map(function (k) { return self.file("t/" + k + ".json"); }))
      .then(function (loaded) {
        var byShard = new Map(), out = new Map(), count = self.fields.length;
        ids.forEach(function (k, i) { byShard.set(k, loaded[i]); });
        wanted.forEach(function (w) {
          var entry = byShard.get(w[2])[w[1] - self.meta.shards[w[2]]];
          var fields = new Array(count).fill(null);
          for (var j = 1; j < entry.length; j += 2) {
            var list = entry[j + 1], n = list.length / 2, ref = 0;
            var refs = new Int32Array(n), scores = new Float64Array(n);
            for (var p = 0; p < n; p++) {
              ref += list[2 * p];
              refs[p] = ref;
              scores[p] = list[2 * p + 1];
            }
            fields[entry[j]] = { refs: refs, scores: scores };
          }
          out.set(w[0], { index: entry[0], fields: fields });
        });
        return out;
      });
  };

  /* Where `ref` is in an ascending Int32Array, or -1. */
  function find(refs, ref) {
    var lo = 0, hi = refs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (refs[mid] < ref) lo = mid + 1;
      else if (refs[mid] > ref) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /* A result as lunr.Index.query gives it; its lunr.MatchData is made when first read. */
  function Result(ref, score, matched) {
    this.ref = String(ref);
    this.score = score;
    this._matched = matched;
    this._matchData = null;
  }
  Object.defineProperty(Result.prototype, "matchData", {
    get: function () {
      if (!this._matchData) {
        var data = new lunr.MatchData(), ref = Number(this.ref);
        this._matched.forEach(function (m) {
          if (find(m.list.refs, ref) >= 0) data.add(m.term, m.field, {});
        });
        this._matchData = data;
      }
      return this._matchData;
    },
  });

  function add(a, b) {
    return a + b;
  }

  /* What lunr.Index.prototype.query (lunr 2.3.9) returns for these clauses on the full index:
   * the same documents, scores (the same floating-point operations in the same order), order
   * and matched terms, computed over typed arrays instead of lunr's per-match objects (lunr.js
   * took 100-230 ms for a query matching most of 10,000 releases).
   *
   * As lunr does: a clause's term goes through the search pipeline unless the clause says not,
   * expands through the token set (prefix, wildcard, edit distance); a required clause keeps the
   * documents holding one of its terms in one of its fields (none if a term expands to nothing),
   * a prohibited one removes them; every other (term, field) adds the clause's boost to that
   * field's query vector. A document's score is the sum, over its matching fields in the order
   * they were first matched, of the dot product of query and field vector (terms by ascending
   * term number) over the query vector's magnitude; results by score, ties in that same order.
   * Only prohibited clauses: every document but those, scored 0; no clause: nothing. */
  Engine.prototype.score = function (plan, postings) {
    if (!plan.length) return [];
    var fields = this.fields, count = fields.length, docs = this.meta.docs;
    var queryVectors = fields.map(function () { return new lunr.Vector(); });
    var negated = plan.every(function (p) { return p.clause.presence === PRESENCE.PROHIBITED; });
    var seen = new Uint8Array(count * docs), order = [];
    var required = 0, hits = new Int32Array(docs), stamp = new Int32Array(docs), none = false;
    var prohibited = new Uint8Array(docs), done = new Set(), matched = [];
    plan.forEach(function (p, c) {
      var clause = p.clause, presence = clause.presence;
      if (presence === PRESENCE.REQUIRED) required++;
      for (var g = 0; g < p.terms.length; g++) {
        var expanded = p.terms[g];
        if (!expanded.length && presence === PRESENCE.REQUIRED) {
          none = true;
          break;
        }
        for (var t = 0; t < expanded.length; t++) {
          var term = expanded[t], posting = postings.get(term);
          for (var k = 0; k < clause.fields.length; k++) {
            var f = fields.indexOf(clause.fields[k]), list = posting.fields[f], i;
            var refs = list ? list.refs : [];
            if (presence === PRESENCE.REQUIRED) {
              for (i = 0; i < refs.length; i++) {
                if (stamp[refs[i]] !== c + 1) {
                  stamp[refs[i]] = c + 1;
                  hits[refs[i]]++;
                }
              }
            }
            if (presence === PRESENCE.PROHIBITED) {
              for (i = 0; i < refs.length; i++) prohibited[refs[i]] = 1;
              continue;
            }
            queryVectors[f].upsert(posting.index, clause.boost, add);
            var key = term + "/" + f;
            if (done.has(key)) continue;
            done.add(key);
            if (!list) continue;
            matched.push({ term: term, field: clause.fields[k], f: f, index: posting.index, list: list });
            for (i = 0; i < refs.length; i++) {
              var code = refs[i] * count + f;
              if (!seen[code]) {
                seen[code] = 1;
                order.push(code);
              }
            }
          }
        }
      }
    });
    if (negated) {
      order = [];
      for (var n = 0; n < count * docs; n++) order.push(n);
    }
    // Dot products, each summed over the query's terms by ascending term number (lunr.Vector.dot).
    var dots = new Float64Array(count * docs);
    matched.slice().sort(function (a, b) { return a.index - b.index; }).forEach(function (m) {
      var vector = queryVectors[m.f];
      var weight = vector.elements[vector.positionForIndex(m.index) + 1];
      var refs = m.list.refs, scores = m.list.scores;
      for (var i = 0; i < refs.length; i++) dots[refs[i] * count + m.f] += weight * scores[i];
    });
    var magnitudes = queryVectors.map(function (v) { return v.magnitude(); });
    var total = new Float64Array(docs), listed = new Uint8Array(docs), found = [];
    for (var o = 0; o < order.length; o++) {
      var doc = (order[o] / count) | 0, field = order[o] - doc * count;
      if (none || hits[doc] !== required || prohibited[doc]) continue;
      var score = dots[order[o]] / magnitudes[field] || 0;
      if (listed[doc]) {
        total[doc] += score;
      } else {
        listed[doc] = 1;
        total[doc] = score;
        found.push(doc);
      }
    }
    found.sort(function (a, b) { return total[b] - total[a]; });
    var used = negated ? [] : matched;
    return found.map(function (ref) { return new Result(ref, total[ref], used); });
  };

  /* lunr results [{ref, score, matchData}] of these clauses (as lunr.Index.query gives them). */
  Engine.prototype.run = function (clauses) {
    var self = this, terms = new Set();
    var plan = clauses.map(function (clause) {
      var expanded = self.expansions(clause);
      expanded.forEach(function (list) { list.forEach(function (t) { terms.add(t); }); });
      return { clause: clause, terms: expanded };
    });
    return this.postings(terms).then(function (postings) {
      return self.score(plan, postings);
    });
  };

  /* Results of a raw lunr query string (same as lunr.Index.search on the full index). */
  Engine.prototype.search = function (queryString) {
    return this.run(this.parse(queryString));
  };

  /* Folded query text with organizations' full names and aliases (two words or more) replaced by
   * their acronym, so "United Nations Office on Drugs and Crime" finds what "UNODC" finds. */
  Engine.prototype.acronyms = function (text) {
    if (!this.names) {
      var names = [];
      (this.meta.labels.partner || []).forEach(function (org) {
        if (org[1] === org[2]) return; // no acronym
        [org[2]].concat(org[3] || []).forEach(function (name) {
          var key = fold(name, false).toLowerCase().split(/\s+/).filter(Boolean);
          if (key.length > 1) names.push([" " + key.join(" ") + " ", " " + org[1].toLowerCase() + " "]);
        });
      });
      this.names = names.sort(function (a, b) { return b[0].length - a[0].length; });
    }
    var padded = " " + text.toLowerCase().split(/\s+/).filter(Boolean).join(" ") + " ";
    this.names.forEach(function (pair) {
      while (padded.indexOf(pair[0]) >= 0) padded = padded.replace(pair[0], pair[1]);
    });
    return padded.trim();
  };

  /* Clauses for what a reader typed: every word required, matched as a prefix of its stem (so
   * typing finds words as they are typed), the exact word boosted; a word with no prefix match
   * and at least 5 letters is matched fuzzily (edit distance 1, 2 from 8 letters). Stop words
   * are dropped; lunr syntax (partner:unodc, traff*, +a -b, word~1, word^2) is kept. */
  Engine.prototype.readerClauses = function (input) {
    var text = this.acronyms(fold(input, true)), parsed;
    try {
      parsed = this.parse(text);
    } catch (e) {
      try {
        parsed = this.parse(fold(input, false).trim());
      } catch (e2) {
        parsed = [];
      }
    }
    var self = this, out = [];
    parsed.forEach(function (c) {
      if (!c.term) return;
      var plain = c.presence === PRESENCE.OPTIONAL && c.usePipeline &&
        !("editDistance" in c) && c.boost === 1 && c.term.indexOf("*") === -1;
      if (!plain) {
        out.push(c);
        return;
      }
      var word = c.term;
      if (!lunr.stopWordFilter(word)) return;
      var stem = self.pipeline.runString(word, { fields: c.fields })[0] || word;
      var required = copyClause(c, { presence: PRESENCE.REQUIRED, relaxable: true });
      if (word.length < 3) {
        out.push(required);
        return;
      }
      var exact = self.expandClause(c).length > 0;
      var candidates = [stem, word];
      for (var cut = 1; cut <= 3 && word.length - cut >= 4; cut++) candidates.push(word.slice(0, -cut));
      for (var i = 0; i < candidates.length; i++) {
        var prefix = copyClause(c, {
          term: candidates[i] + "*", usePipeline: false, wildcard: TRAILING,
          presence: PRESENCE.REQUIRED, relaxable: true,
        });
        var n = self.expandClause(prefix).length;
        if (n > 0 && !(exact && n > MAX_PREFIX_TERMS)) {
          out.push(prefix, copyClause(c, { boost: 10 }));
          return;
        }
      }
      if (exact) {
        out.push(required);
      } else if (word.length >= 5) {
        out.push(copyClause(required, { editDistance: word.length >= 8 ? 2 : 1 }));
      } else {
        out.push(required);
      }
    });
    return out;
  };

  /* The clauses with the words readerClauses made required made optional again (any word
   * matches), or null when that would change nothing. */
  Engine.prototype.relaxed = function (clauses) {
    var relaxable = clauses.filter(function (c) { return c.relaxable; });
    if (relaxable.length < 2) return null;
    return clauses.map(function (c) {
      return c.relaxable ? copyClause(c, { presence: PRESENCE.OPTIONAL, relaxable: undefined }) : c;
    });
  };

  /* Results of what a reader typed: all words required; when that finds nothing, any word. */
  Engine.prototype.readerSearch = function (input) {
    var clauses = this.readerClauses(input), self = this;
    return this.run(clauses).then(function (results) {
      var relaxed = results.length ? null : self.relaxed(clauses);
      return relaxed ? self.run(relaxed) : results;
    });
  };

  /* Display rows ([title, url, date, dateline, snippet, [partner], [country], [sdg]]) of refs. */
  Engine.prototype.documents = function (refs) {
    var size = this.meta.docShard, self = this;
    return Promise.all(refs.map(function (ref) {
      return self.file("d/" + Math.floor(ref / size) + ".json").then(function (rows) {
        return rows[ref % size];
      });
    }));
  };

  /* Facet rows ([year or 0, [partner], [country], [sdg]]) of refs, as a Map ref -> row. */
  Engine.prototype.facetRows = function (refs) {
    var size = this.meta.facetShard, self = this, ids = new Set();
    refs.forEach(function (ref) { ids.add(Math.floor(ref / size)); });
    ids = Array.from(ids).sort(function (a, b) { return a - b; });
    return Promise.all(ids.map(function (k) { return self.file("f/" + k + ".json"); }))
      .then(function (shards) {
        var byShard = new Map(), rows = new Map();
        ids.forEach(function (k, i) { byShard.set(k, shards[i]); });
        refs.forEach(function (ref) {
          rows.set(ref, byShard.get(Math.floor(ref / size))[ref % size]);
        });
        return rows;
      });
  };

  /* Stems of words, as the index holds them (for highlighting). */
  Engine.prototype.stemOf = function (word) {
    var folded = fold(word, false).toLowerCase().trim();
    return folded ? this.pipeline.runString(folded)[0] || folded : "";
  };

  /* [start, end] ranges of the words of `text` whose stem is in `terms` (a Set). */
  Engine.prototype.highlights = function (text, terms) {
    var ranges = [], re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text)) !== null) {
      if (terms.has(this.stemOf(m[0]))) ranges.push([m.index, m.index + m[0].length]);
    }
    return ranges;
  };

  /* Facets: group -> position in a facet row, and the values a row has in that group. */
  var GROUPS = ["partner", "country", "sdg", "year"];
  function valuesOf(row, group) {
    if (group === "year") return [row[0] ? String(row[0]) : "undated"];
    return row[{ partner: 1, country: 2, sdg: 3 }[group]].map(String);
  }

  /* Refs matching the selection ({group: Set of values}): OR within a group, AND across. */
  function matches(row, selection, except) {
    for (var i = 0; i < GROUPS.length; i++) {
      var g = GROUPS[i], chosen = selection[g];
      if (g === except || !chosen || !chosen.size) continue;
      if (!valuesOf(row, g).some(function (v) { return chosen.has(v); })) return false;
    }
    return true;
  }

  function filterRefs(refs, rows, selection) {
    return refs.filter(function (ref) { return matches(rows.get(ref), selection); });
  }

  /* {group: Map value -> count} over refs; a group's counts apply the other groups' choices. */
  function facetCounts(refs, rows, selection) {
    var counts = {};
    GROUPS.forEach(function (g) {
      var map = new Map();
      refs.forEach(function (ref) {
        var row = rows.get(ref);
        if (!matches(row, selection, g)) return;
        valuesOf(row, g).forEach(function (v) { map.set(v, (map.get(v) || 0) + 1); });
      });
      counts[g] = map;
    });
    return counts;
  }

  return {
    Engine: Engine,
    fold: fold,
    GROUPS: GROUPS,
    filterRefs: filterRefs,
    facetCounts: facetCounts,
  };
});
