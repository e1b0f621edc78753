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

  /* Index terms one clause expands to, exactly as lunr.Index.prototype.query expands it. */
  Engine.prototype.expandClause = function (clause) {
    var terms = clause.usePipeline
      ? this.pipeline.runString(clause.term, { fields: clause.fields })
      : [clause.term];
    var out = [];
    for (var i = 0; i < terms.length; i++) {
      var expanded = this.tokenSet
        .intersect(lunr.TokenSet.fromClause(copyClause(clause, { term: terms[i] })))
        .toArray();
      out.push.apply(out, expanded);
    }
    return out;
  };

  Engine.prototype.expand = function (clauses) {
    var all = new Set();
    for (var i = 0; i < clauses.length; i++) {
      this.expandClause(clauses[i]).forEach(function (t) {
        all.add(t);
      });
    }
    return Array.from(all).sort();
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

  /* A lunr.Index holding the given terms (their postings and their field-vector components),
   * the full term dictionary as token set; `negated`: every field vector (all prohibited). */
  Engine.prototype.indexFor = function (terms, negated) {
    var self = this, wanted = [], shards = new Set();
    terms.forEach(function (term) {
      var pos = self.position.get(term);
      if (pos === undefined) return;
      var k = self.shardOf(pos);
      wanted.push([term, pos, k]);
      shards.add(k);
    });
    var ids = Array.from(shards).sort(function (a, b) { return a - b; });
    return Promise.all(ids.map(function (k) { return self.file("t/" + k + ".json"); }))
      .then(function (loaded) {
        var byShard = new Map();
        ids.forEach(function (k, i) { byShard.set(k, loaded[i]); });
        var fields = self.fields, invertedIndex = Object.create(null), pairs = Object.create(null);
        if (negated) {
          for (var d = 0; d < self.meta.docs; d++) {
            for (var f = 0; f < fields.length; f++) pairs[fields[f] + "/" + d] = [];
          }
        }
        wanted.forEach(function (w) {
          var entry = byShard.get(w[2])[w[1] - self.meta.shards[w[2]]];
          var posting = { _index: entry[0] };
          for (var f = 0; f < fields.length; f++) posting[fields[f]] = {};
          for (var j = 1; j < entry.length; j += 2) {
            var field = fields[entry[j]], list = entry[j + 1], ref = 0;
            for (var p = 0; p < list.length; p += 2) {
              ref += list[p];
              posting[field][ref] = {};
              var key = field + "/" + ref;
              (pairs[key] || (pairs[key] = [])).push([entry[0], list[p + 1]]);
            }
          }
          invertedIndex[w[0]] = posting;
        });
        var fieldVectors = Object.create(null);
        Object.keys(pairs).forEach(function (key) {
          var elements = [];
          pairs[key].sort(function (a, b) { return a[0] - b[0]; }).forEach(function (pair) {
            elements.push(pair[0], pair[1]);
          });
          fieldVectors[key] = new lunr.Vector(elements);
        });
        return new lunr.Index({
          invertedIndex: invertedIndex,
          fieldVectors: fieldVectors,
          tokenSet: self.tokenSet,
          fields: fields,
          pipeline: self.pipeline,
        });
      });
  };

  /* lunr results [{ref, score, matchData}] of these clauses (as lunr.Index.query gives them). */
  Engine.prototype.run = function (clauses) {
    var negated = clauses.length > 0 && clauses.every(function (c) {
      return c.presence === PRESENCE.PROHIBITED;
    });
    return this.indexFor(this.expand(clauses), negated).then(function (index) {
      return index.query(function (query) {
        clauses.forEach(function (c) { query.clause(copyClause(c)); });
      });
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
