/* Search over the term-sharded lunr index written by the archive_search plugin.
 *
 * The format is described in plugins/newsarchive/search/shards.py. This file has no DOM code: it
 * runs in the browser (window.ArchiveSearch, built on window.lunr) and in Node tests
 * (module.exports is a factory taking lunr). `load(path)` returns a promise of the parsed JSON of
 * a file under the search folder ("index.json", "w/2.json", "t/3.json").
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
  var FUZZY_PREFIX = 1; // a fuzzy match keeps the word's first character (prefix_length)
  var KEY_BOOST = 10; // a named country or organization: its own releases first
  var LAST = "\uffff"; // after every UTF-16 code unit: the end of a prefix's range

  /* The folding the index applied (newsarchive/search/text.py: fold): accents dropped,
   * possessive 's cut, punctuation made spaces; lunr's query syntax characters are kept. */
  function fold(text, keepSyntax) {
    var out = String(text || "");
    if (!/^[\x00-\x7f]*$/.test(out)) out = out.normalize("NFKD").replace(/\p{M}/gu, "");
    out = out.replace(/['\u2019]s\b/gu, "");
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

  /* The first characters of a clause's term that every term it expands to starts with ("" when
   * it may expand to any term): what decides which dictionary chunks it needs. */
  function fixedPrefix(clause, term) {
    var star = term.indexOf("*");
    var prefix = star >= 0 ? term.slice(0, star) : term;
    if ("editDistance" in clause && clause.editDistance > 0) {
      prefix = prefix.slice(0, FUZZY_PREFIX);
    }
    return prefix;
  }

  /* lunr's expansion of a clause's term restricted as ours is: a fuzzy term keeps its first
   * FUZZY_PREFIX characters. `expanded` is lunr's TokenSet.toArray() order, kept. */
  function keepPrefix(clause, term, expanded) {
    if (!("editDistance" in clause) || !(clause.editDistance > 0)) return expanded;
    var head = term.slice(0, FUZZY_PREFIX);
    return expanded.filter(function (t) { return t.slice(0, FUZZY_PREFIX) === head; });
  }

  function Engine(meta, load) {
    this.meta = meta;
    this.load = load;
    this.fields = meta.fields;
    this.fieldAt = {};
    for (var f = 0; f < this.fields.length; f++) this.fieldAt[this.fields[f]] = f;
    this.pipeline = lunr.Pipeline.load(meta.pipeline);
    this.files = new Map(); // path -> promise of parsed JSON (fetched once per page)
    this.chunks = []; // dictionary chunk k -> {terms, at: Map term -> offset, shard, starts}
    this.tokenSets = new Map(); // "lo:hi" -> lunr.TokenSet of the terms of chunks lo..hi
    this.phrases = null;
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

  /* ---- the dictionary, fetched in chunks ---- */

  /* The chunk whose range holds `term` (the last whose first term is not after it). */
  Engine.prototype.chunkOf = function (term) {
    var firsts = this.meta.dict, lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /* [first, last] chunks of the terms starting with `prefix` ("" : all). */
  Engine.prototype.rangeOf = function (prefix) {
    if (!this.meta.dict.length) return null;
    return [this.chunkOf(prefix), this.chunkOf(prefix + LAST)];
  };

  /* Load dictionary chunks lo..hi (promise). */
  Engine.prototype.loadChunks = function (range) {
    var self = this, wanted = [];
    if (!range) return Promise.resolve();
    for (var k = range[0]; k <= range[1]; k++) {
      if (!self.chunks[k]) wanted.push(k);
    }
    return Promise.all(wanted.map(function (k) {
      return self.file("w/" + k + ".json").then(function (chunk) {
        if (self.chunks[k]) return;
        var terms = chunk.terms ? chunk.terms.split("\n") : [], at = new Map();
        for (var i = 0; i < terms.length; i++) at.set(terms[i], i);
        self.chunks[k] = { terms: terms, at: at, shard: chunk.shard, starts: chunk.starts };
      });
    }));
  };

  /* The chunk ranges a clause's terms need (after the search pipeline, as lunr runs it). */
  Engine.prototype.clauseRanges = function (clause) {
    var self = this;
    return this.pipelineTerms(clause).map(function (term) {
      return self.rangeOf(fixedPrefix(clause, term));
    });
  };

  Engine.prototype.pipelineTerms = function (clause) {
    return clause.usePipeline
      ? this.pipeline.runString(clause.term, { fields: clause.fields })
      : [clause.term];
  };

  /* Load every dictionary chunk these clauses need (promise). */
  Engine.prototype.prepare = function (clauses) {
    var self = this, ranges = [];
    clauses.forEach(function (c) { ranges = ranges.concat(self.clauseRanges(c)); });
    return Promise.all(ranges.map(function (r) { return self.loadChunks(r); }));
  };

  /* lunr.TokenSet of the (loaded) terms of chunks lo..hi, built once. */
  Engine.prototype.tokenSet = function (range) {
    var key = range[0] + ":" + range[1];
    if (!this.tokenSets.has(key)) {
      var terms = [];
      for (var k = range[0]; k <= range[1]; k++) terms = terms.concat(this.chunks[k].terms);
      this.tokenSets.set(key, lunr.TokenSet.fromArray(terms));
    }
    return this.tokenSets.get(key);
  };

  /* The index terms one clause expands to, per term of the search pipeline, as
   * lunr.Index.prototype.query expands them on the full index (pipeline unless the clause says
   * not, then the token set: prefix, wildcard, edit distance), a fuzzy term keeping its first
   * character. The clause's chunks must be loaded (prepare). */
  Engine.prototype.expansions = function (clause) {
    var self = this;
    return this.pipelineTerms(clause).map(function (term) {
      var range = self.rangeOf(fixedPrefix(clause, term));
      if (!range) return [];
      var query = lunr.TokenSet.fromClause(copyClause(clause, { term: term }));
      return keepPrefix(clause, term, self.tokenSet(range).intersect(query).toArray());
    });
  };

  /* All the index terms one clause expands to. */
  Engine.prototype.expandClause = function (clause) {
    return [].concat.apply([], this.expansions(clause));
  };

  /* Query clauses of a lunr query string, as lunr's own parser makes them. */
  Engine.prototype.parse = function (queryString) {
    var query = new lunr.Query(this.fields);
    new lunr.QueryParser(queryString, query).parse();
    return query.clauses;
  };

  /* ---- postings and scores ---- */

  /* Postings of the given terms from their term shards: a Map term -> {index: lunr's term
   * number, fields: per field position null or {refs: Int32Array ascending, scores: Float64Array}},
   * the score being the term's component of that field's vector in the full lunr index. */
  Engine.prototype.postings = function (terms) {
    var self = this, wanted = [], shards = new Set(), out = new Map();
    if (!this.decoded) this.decoded = new Map(); // term -> its postings, decoded once
    terms.forEach(function (term) {
      if (self.decoded.has(term)) {
        out.set(term, self.decoded.get(term));
        return;
      }
      var chunk = self.chunks[self.chunkOf(term)];
      var offset = chunk && chunk.at.get(term);
      if (offset === undefined) return;
      var j = chunk.starts.length - 1;
      while (chunk.starts[j] > offset) j--;
      var k = chunk.shard + j;
      wanted.push([term, offset - chunk.starts[j], k]);
      shards.add(k);
    });
    var ids = Array.from(shards);
    return Promise.all(ids.map(function (k) { return self.file("t/" + k + ".json"); }))
      .then(function (loaded) {
        var byShard = new Map(), count = self.fields.length;
        ids.forEach(function (k, i) { byShard.set(k, loaded[i]); });
        wanted.forEach(function (w) {
          var entry = byShard.get(w[2])[w[1]];
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
          var posting = { index: entry[0], fields: fields };
          self.decoded.set(w[0], posting);
          out.set(w[0], posting);
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
    var fields = this.fields, fieldAt = this.fieldAt, count = fields.length, docs = this.meta.docs;
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
            var f = fieldAt[clause.fields[k]], list = posting.fields[f], i;
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

  /* lunr results [{ref, score, matchData}] of these clauses (as lunr.Index.query gives them on
   * the full index, fuzzy terms keeping their first character). */
  Engine.prototype.run = function (clauses) {
    var self = this;
    return this.prepare(clauses).then(function () {
      var terms = new Set();
      var plan = clauses.map(function (clause) {
        var expanded = self.expansions(clause);
        expanded.forEach(function (list) { list.forEach(function (t) { terms.add(t); }); });
        return { clause: clause, terms: expanded };
      });
      return self.postings(terms).then(function (postings) {
        return self.score(plan, postings);
      });
    });
  };

  /* Results of a raw lunr query string (same as lunr.Index.search on the full index). */
  Engine.prototype.search = function (queryString) {
    var self = this;
    return Promise.resolve().then(function () { return self.run(self.parse(queryString)); });
  };

  /* ---- what a reader types ---- */

  /* Named things a query may hold: {words joined by a space: [{group, at, upper}]}, from every
   * name, alias and acronym of the partners and countries in the index. */
  Engine.prototype.names = function () {
    if (this.phrases) return this.phrases;
    var phrases = new Map(), labels = this.meta.labels;
    function put(name, group, at) {
      var words = fold(name, false).split(/\s+/).filter(Boolean);
      if (!words.length) return;
      var key = words.join(" ").toLowerCase();
      // a name that reads as a stop word ("US") is recognised only as typed, in capitals
      var upper = words.length === 1 && !lunr.stopWordFilter(new lunr.Token(key));
      if (!phrases.has(key)) phrases.set(key, []);
      var list = phrases.get(key);
      if (!list.some(function (e) { return e.group === group && e.at === at; })) {
        list.push({ group: group, at: at, upper: upper ? words[0].toUpperCase() : null });
      }
    }
    (labels.partner || []).forEach(function (org, at) {
      [org[1], org[2]].concat(org[3] || []).forEach(function (name) { put(name, "partner", at); });
    });
    (labels.country || []).forEach(function (country, at) {
      (country[3] || [country[1]]).forEach(function (name) { put(name, "country", at); });
    });
    this.phrases = phrases;
    return phrases;
  };

  /* The organizations and countries named in folded text, longest names first: [{start, end
   * (token positions), group, at}]; tokens with query syntax are never part of a name. */
  Engine.prototype.recognize = function (tokens) {
    var phrases = this.names(), found = [], longest = 1;
    phrases.forEach(function (_, key) { longest = Math.max(longest, key.split(" ").length); });
    var plain = tokens.map(function (t) { return /^[\p{L}\p{N}-]+$/u.test(t); });
    for (var i = 0; i < tokens.length; ) {
      var hit = null;
      for (var n = Math.min(longest, tokens.length - i); n >= 1 && !hit; n--) {
        if (!plain.slice(i, i + n).every(Boolean)) continue;
        var typed = tokens.slice(i, i + n), list = phrases.get(typed.join(" ").toLowerCase());
        if (!list) continue;
        var fits = list.filter(function (e) { return !e.upper || typed[0] === e.upper; });
        if (fits.length === 1) hit = { start: i, end: i + n, group: fits[0].group, at: fits[0].at };
      }
      if (hit) found.push(hit);
      i = hit ? hit.end : i + 1;
    }
    return found;
  };

  /* How a reader's query is searched: {clauses, words, entities, pending}.
   *
   * Every word must match: as a prefix of its stem or of itself (so words are found as they are
   * typed), the exact word boosted; a word of 5 letters or more with neither is matched fuzzily
   * (edit distance 1, 2 from 8 letters) among the words sharing its first letter. Stop words are
   * dropped; lunr syntax (partner:unodc, traff*, +a -b, word~1, word^2) is kept. A named
   * organization or country (its name, alias or acronym: "UNODC", "United Nations Office on
   * Drugs and Crime", "Ivory Coast", "UK") also asks for its key term in its field, so its own
   * releases come first; an organization's name is searched as its acronym. While typing
   * (options.typing), a last word that is too short or too broad to search yet is left out
   * and returned as `pending`. `words`: per reader word, its stem and every term its clauses
   * expand to (for ranking). */
  Engine.prototype.readerClauses = function (input, options) {
    var self = this;
    var tokens = fold(input, true).split(/\s+/).filter(Boolean);
    var entities = this.named(tokens);
    var open = !!(options && options.typing) && !/\s$/.test(input);
    var parsed = this.parseReader(tokens.join(" "), input);
    var plain = parsed.filter(function (c) {
      return c.term && isPlain(c) && lunr.stopWordFilter(new lunr.Token(c.term));
    });
    var last = open && plain.length ? plain[plain.length - 1] : null;
    var words = plain.map(function (c) {
      var stem = self.pipeline.runString(c.term, { fields: c.fields })[0] || c.term;
      return { clause: c, word: c.term, stem: stem, last: c === last, clauses: [] };
    });
    var others = parsed.filter(function (c) { return c.term && !isPlain(c); });
    var keys = entities.map(function (e) {
      var clause = {
        term: e.key, fields: [e.group], usePipeline: false, boost: KEY_BOOST,
        wildcard: lunr.Query.wildcard.NONE,
        presence: e.required ? PRESENCE.REQUIRED : PRESENCE.OPTIONAL,
      };
      if (e.required) clause.relaxable = true;
      return clause;
    });
    var first = words.map(function (w) {
      return copyClause(w.clause, { term: wordPrefix(w) + "*", usePipeline: false });
    });
    return this.prepare(others.concat(keys, first)).then(function () {
      words.forEach(function (w) { self.wordClauses(w); });
      return self.prepare([].concat.apply([], words.map(function (w) { return w.clauses; })));
    }).then(function () {
      var pending = null, out = [];
      parsed.forEach(function (c) {
        if (others.indexOf(c) >= 0) out.push(c);
        words.forEach(function (w) {
          if (w.clause !== c) return;
          if (w.pending) pending = w.word;
          else out = out.concat(w.clauses);
        });
      });
      var kept = words.filter(function (w) { return !w.pending; }).map(function (w) {
        var terms = new Set();
        w.clauses.forEach(function (c) { self.expandClause(c).forEach(function (t) { terms.add(t); }); });
        return { word: w.word, stem: w.stem, terms: terms };
      });
      return { clauses: out.concat(keys), words: kept, entities: entities, pending: pending };
    });
  };

  /* The part of a reader's word all its candidate clauses share (what dictionary range the
   * exact word and its prefixes need; a fuzzy word needs more, fetched when it comes to that). */
  function wordPrefix(w) {
    if (w.word.length < 3 && !w.last) return w.stem;
    var shared = w.word.length >= 4 ? w.word.slice(0, Math.max(4, w.word.length - 3)) : w.word;
    var i = 0;
    while (i < shared.length && shared[i] === w.stem[i]) i++;
    return shared.slice(0, i);
  }

  function isPlain(c) {
    return c.presence === PRESENCE.OPTIONAL && c.usePipeline && !("editDistance" in c) &&
      c.boost === 1 && c.term.indexOf("*") === -1;
  }

  /* The clauses of one reader word (w.clauses), or w.pending for a last word not ready yet. */
  Engine.prototype.wordClauses = function (w) {
    var c = w.clause, word = w.word;
    var required = copyClause(c, { presence: PRESENCE.REQUIRED, relaxable: true });
    var exact = this.expandClause(c).length > 0;
    if (word.length < 3 && !w.last) {
      w.clauses = [required];
      return;
    }
    var candidates = word.length < 3 ? [word] : [w.stem, word], broad = false;
    for (var cut = 1; cut <= 3 && word.length - cut >= 4; cut++) candidates.push(word.slice(0, -cut));
    for (var i = 0; i < candidates.length && !broad; i++) {
      var prefix = copyClause(c, {
        term: candidates[i] + "*", usePipeline: false, wildcard: TRAILING,
        presence: PRESENCE.REQUIRED, relaxable: true,
      });
      var n = this.expandClause(prefix).length;
      if (w.last && n > MAX_PREFIX_TERMS && (word.length < 5 || !exact)) {
        broad = true; // the start of too many words to search while it is typed
      } else if (n > 0 && !(exact && n > MAX_PREFIX_TERMS)) {
        w.clauses = [prefix, copyClause(c, { boost: 10 })];
        return;
      }
    }
    if (w.last && (broad || (!exact && word.length < 5) || word.length < 3)) {
      w.pending = true; // still being typed
    } else if (exact || word.length < 5) {
      w.clauses = [required];
    } else {
      w.clauses = [copyClause(required, { editDistance: word.length >= 8 ? 2 : 1 })];
    }
  };

  /* The organizations and countries named in `tokens` ({group, at, key, required}); their
   * names are replaced in `tokens` by the words to search for them (an organization's acronym,
   * a country's name as typed, minus stop words: "US" is searched by its key alone). */
  Engine.prototype.named = function (tokens) {
    var labels = this.meta.labels, entities = [];
    this.recognize(tokens).reverse().forEach(function (hit) {
      var label = labels[hit.group][hit.at], key = label[4];
      var replace = tokens.slice(hit.start, hit.end);
      if (hit.group === "partner" && label[1] !== label[2]) {
        replace = fold(label[1], false).toLowerCase().split(/\s+/).filter(Boolean);
      }
      var searchable = replace.filter(function (w) {
        return w.toLowerCase().split("-").some(function (p) {
          return p && lunr.stopWordFilter(new lunr.Token(p));
        });
      });
      if (key) entities.unshift({ group: hit.group, at: hit.at, key: key, required: !searchable.length });
      tokens.splice.apply(tokens, [hit.start, hit.end - hit.start].concat(searchable));
    });
    return entities;
  };

  /* Clauses of the reader's (folded, rewritten) text; lunr syntax errors fall back to words. */
  Engine.prototype.parseReader = function (text, input) {
    try {
      return this.parse(text);
    } catch (e) {
      try {
        return this.parse(fold(input, false).trim());
      } catch (e2) {
        return [];
      }
    }
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

  /* Results in reading order: releases of a named organization or country first, then (when
   * any word may match) those matching more of the words, then those matching more words
   * exactly (not only by prefix or fuzzily), then lunr's order (score). */
  Engine.prototype.rank = function (results, plan, relaxed) {
    if (!plan.entities.length && !plan.words.length) return results;
    var has = holders(results);
    var keyed = results.map(function (r, i) {
      var named = 0, exact = 0, some = 0;
      plan.entities.forEach(function (e) {
        if (has(r, e.key, e.group)) named++;
      });
      plan.words.forEach(function (w) {
        if (has(r, w.stem)) exact++;
        if (relaxed && Array.from(w.terms).some(function (t) { return has(r, t); })) some++;
      });
      return { r: r, i: i, k: [named, some, exact] };
    });
    keyed.sort(function (a, b) {
      for (var j = 0; j < 3; j++) if (a.k[j] !== b.k[j]) return b.k[j] - a.k[j];
      return a.i - b.i;
    });
    return keyed.map(function (x) { return x.r; });
  };

  /* has(result, term, field?): whether a result matched a term (in that field). For lunr's own
   * results it reads their matchData; for ours the postings the query matched, marked once per
   * (term, field) over every result instead of building a lunr.MatchData for each. */
  function holders(results) {
    if (!results.length || !(results[0] instanceof Result)) {
      return function (r, term, field) {
        var meta = r.matchData.metadata[term];
        return !!meta && (!field || !!meta[field]);
      };
    }
    var matched = results[0]._matched, marks = new Map();
    return function (r, term, field) {
      var key = term + "/" + (field || "");
      if (!marks.has(key)) {
        var set = new Set();
        matched.forEach(function (m) {
          if (m.term !== term || (field && m.field !== field)) return;
          for (var i = 0; i < m.list.refs.length; i++) set.add(m.list.refs[i]);
        });
        marks.set(key, set);
      }
      return marks.get(key).has(Number(r.ref));
    };
  }

  /* What a reader's query finds: {results (ranked), relaxed (no release has every word: these
   * have some), pending (a last word not searched yet, while typing), plan}. */
  Engine.prototype.find = function (input, options) {
    var self = this;
    return this.readerClauses(input, options).then(function (plan) {
      if (!plan.clauses.length) return { results: [], relaxed: false, pending: plan.pending, plan: plan };
      return self.run(plan.clauses).then(function (results) {
        var relaxed = results.length ? null : self.relaxed(plan.clauses);
        if (!relaxed) return { results: self.rank(results, plan, false), relaxed: false, pending: plan.pending, plan: plan };
        return self.run(relaxed).then(function (any) {
          return { results: self.rank(any, plan, true), relaxed: any.length > 0, pending: plan.pending, plan: plan };
        });
      });
    });
  };

  /* Results of what a reader typed (find's results). */
  Engine.prototype.readerSearch = function (input, options) {
    return this.find(input, options).then(function (found) { return found.results; });
  };

  /* ---- what results show ---- */

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
    if (!this.stems) this.stems = new Map();
    if (!this.stems.has(word)) {
      var folded = fold(word, false).toLowerCase().trim();
      this.stems.set(word, folded ? this.pipeline.runString(folded)[0] || folded : "");
    }
    return this.stems.get(word);
  };

  /* [start, end] ranges of the words of `text` whose stem is in `terms` (a Set). */
  Engine.prototype.highlights = function (text, terms) {
    var ranges = [], re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text)) !== null) {
      if (terms.has(this.stemOf(m[0]))) ranges.push([m.index, m.index + m[0].length]);
    }
    return ranges;
  };

  /* Facets. A facet row is [year or 0, [partner], [country], [sdg]] (numbers); the page's
   * selection is {group: Set of values as strings, "undated" for year 0}. */
  var GROUPS = ["partner", "country", "sdg", "year"];
  var COLUMN = { year: 0, partner: 1, country: 2, sdg: 3 };

  function numeric(selection) {
    var out = {};
    GROUPS.forEach(function (g) {
      var chosen = selection[g];
      if (!chosen || !chosen.size) return;
      out[g] = new Set();
      chosen.forEach(function (v) { out[g].add(v === "undated" ? 0 : Number(v)); });
    });
    return out;
  }

  function has(row, group, chosen) {
    var values = row[COLUMN[group]];
    if (group === "year") return chosen.has(values);
    for (var i = 0; i < values.length; i++) if (chosen.has(values[i])) return true;
    return false;
  }

  /* Whether a row is in the selection: OR within a group, AND across (`except` left out). */
  function matches(row, chosen, except) {
    for (var g in chosen) {
      if (g !== except && !has(row, g, chosen[g])) return false;
    }
    return true;
  }

  function filterRefs(refs, rows, selection) {
    var chosen = numeric(selection);
    return refs.filter(function (ref) { return matches(rows.get(ref), chosen); });
  }

  /* {group: Map value (string) -> count} over refs; a group's counts apply the other groups'
   * choices. Counted with numbers, one pass per group, no values made per row. */
  function facetCounts(refs, rows, selection) {
    var chosen = numeric(selection), counts = {};
    GROUPS.forEach(function (g) {
      var tally = new Map(), column = COLUMN[g];
      for (var i = 0; i < refs.length; i++) {
        var row = rows.get(refs[i]);
        if (!matches(row, chosen, g)) continue;
        if (column === 0) {
          tally.set(row[0], (tally.get(row[0]) || 0) + 1);
          continue;
        }
        var values = row[column];
        for (var j = 0; j < values.length; j++) tally.set(values[j], (tally.get(values[j]) || 0) + 1);
      }
      var out = new Map();
      tally.forEach(function (n, v) { out.set(column === 0 && !v ? "undated" : String(v), n); });
      counts[g] = out;
    });
    return counts;
  }

  return {
    Engine: Engine,
    fold: fold,
    keepPrefix: keepPrefix,
    GROUPS: GROUPS,
    filterRefs: filterRefs,
    facetCounts: facetCounts,
    FUZZY_PREFIX: FUZZY_PREFIX,
  };
});
