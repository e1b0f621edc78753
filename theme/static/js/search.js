/* The search page: reads ?q=...&partner=...&country=...&sdg=...&year=...&sort=newest, runs the
 * query on the sharded index (search-core.js) and shows results and facets. Text from the index
 * is only ever inserted as text (textContent, createElement), never as HTML. */
(function () {
  "use strict";

  var root = document.querySelector("[data-search]");
  if (!root || !window.lunr || !window.ArchiveSearch) return;

  var S = window.ArchiveSearch;
  var PAGE = 20;
  var DEBOUNCE_MS = 200;
  var TOP_VALUES = 6; // values a facet group shows before "Show all"
  var FIRST_DRAWN = 5; // results drawn before the rest of a first page has arrived
  var collator = null; // Intl.Collator, made when first needed (it is slow to make)
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var GROUP_TITLES = { partner: "Partner", country: "Country", sdg: "Sustainable Development Goal", year: "Year" };
  var GROUP_PLURALS = { partner: "partners", country: "countries", sdg: "goals", year: "years" };

  var siteUrl = root.getAttribute("data-site-url") || "";
  var filesUrl = root.getAttribute("data-search-files");
  var version = root.getAttribute("data-search-id") || "";
  var form = root.querySelector("[data-search-form]");
  var input = form.querySelector("input[name=q]");
  var status = root.querySelector("[data-search-status]");
  var list = root.querySelector("[data-results]");
  var more = root.querySelector("[data-more]");
  var empty = root.querySelector("[data-empty]");
  var emptyMessage = root.querySelector("[data-empty-message]");
  var suggestions = root.querySelector("[data-suggestions]");
  var facetsBox = root.querySelector("[data-facets]");
  var facetsDisclosure = root.querySelector("[data-facets-box]");
  var facetGroups = root.querySelector("[data-facet-groups]");
  var sortBox = root.querySelector("[data-sort]");
  var tools = root.querySelector("[data-tools]");
  var chips = root.querySelector("[data-chips]");
  var chipList = root.querySelector("[data-chip-list]");
  var clearAll = root.querySelector("[data-clear-all]");
  var toFilters = root.querySelector("[data-to-filters]");
  var headerInput = document.querySelector("[data-search-box] input[name=q]");

  var enginePromise = null;
  var generation = 0;
  var timer = null;
  var view = { key: "", found: null, rows: null, shown: PAGE };
  var facetView = { groups: {}, data: null, shownOnce: false }; // per group: {all, find}

  function load(path) {
    return fetch(filesUrl + path + (version ? "?v=" + version : "")).then(function (response) {
      if (!response.ok) throw new Error(path + ": HTTP " + response.status);
      return response.json();
    });
  }

  function engine() {
    if (!enginePromise) {
      enginePromise = S.Engine.create(load);
      enginePromise.catch(function () { enginePromise = null; });
    }
    return enginePromise;
  }

  function href(path) {
    return siteUrl + "/" + path;
  }

  /* ---- state <-> URL ---- */

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var selection = {};
    S.GROUPS.forEach(function (g) { selection[g] = new Set(params.getAll(g).filter(Boolean)); });
    return {
      q: params.get("q") || "",
      sort: params.get("sort") === "newest" ? "newest" : "relevance",
      selection: selection,
    };
  }

  function urlOf(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    S.GROUPS.forEach(function (g) {
      Array.from(state.selection[g]).sort().forEach(function (v) { params.append(g, v); });
    });
    if (state.sort === "newest") params.set("sort", "newest");
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "");
  }

  function save(state, push) {
    var url = urlOf(state);
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  var state = readState();

  /* ---- facet values: URL values (slugs, codes, numbers, years) <-> facet row values ---- */

  function facetValue(meta, group, urlValue) {
    if (group === "partner" || group === "country") {
      var table = meta.labels[group];
      for (var i = 0; i < table.length; i++) {
        if (String(table[i][0]).toLowerCase() === String(urlValue).toLowerCase()) return String(i);
      }
      return null;
    }
    return String(urlValue);
  }

  function urlValue(meta, group, value) {
    if (group === "partner" || group === "country") return meta.labels[group][Number(value)][0];
    return value;
  }

  function rowSelection(meta) {
    var out = {};
    S.GROUPS.forEach(function (g) {
      out[g] = new Set();
      state.selection[g].forEach(function (v) {
        var value = facetValue(meta, g, v);
        if (value !== null) out[g].add(value);
      });
    });
    return out;
  }

  function hasSelection() {
    return S.GROUPS.some(function (g) { return state.selection[g].size > 0; });
  }

  function labelOf(meta, group, value) {
    if (group === "partner") return meta.labels.partner[Number(value)][1];
    if (group === "country") return meta.labels.country[Number(value)][1];
    if (group === "sdg") {
      var goal = goalOf(meta, Number(value));
      return goal ? "SDG " + goal[0] + ": " + goal[1] : "SDG " + value;
    }
    return value === "undated" ? "Date unknown" : value;
  }

  function goalOf(meta, number) {
    var goals = meta.labels.sdg;
    for (var i = 0; i < goals.length; i++) if (goals[i][0] === number) return goals[i];
    return null;
  }

  /* ---- DOM helpers (text only) ---- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function marked(eng, text, terms) {
    var frag = document.createDocumentFragment(), at = 0;
    eng.highlights(text, terms).forEach(function (range) {
      if (range[0] > at) frag.appendChild(document.createTextNode(text.slice(at, range[0])));
      frag.appendChild(el("mark", { text: text.slice(range[0], range[1]) }));
      at = range[1];
    });
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function dateNode(iso) {
    if (!iso) return el("span", { class: "undated", text: "Date unknown" });
    var parts = iso.split("-").map(Number);
    return el("time", { datetime: iso, text: parts[2] + " " + MONTHS[parts[1] - 1] + " " + parts[0] });
  }

  function links(items) {
    var nodes = [];
    items.forEach(function (item, i) {
      if (i) nodes.push(", ");
      nodes.push(el("a", { href: href(item[1]), text: item[0] }));
    });
    return nodes;
  }

  function fill(pattern, slug) {
    return String(pattern || "").replace("{slug}", slug);
  }

  function resultItem(eng, meta, ref, row, terms) {
    var urls = meta.urls;
    var title = el("a", { href: href(row[1]) }, [marked(eng, row[0], terms)]);
    var metaLine = el("p", { class: "meta" }, [dateNode(row[2])]);
    if (row[3]) metaLine.appendChild(document.createTextNode(" · " + row[3]));
    var item = el("li", { class: "release-item", "data-result": "", "data-ref": String(ref) }, [
      el("h3", {}, [title]),
      metaLine,
    ]);
    if (row[4]) item.appendChild(el("p", { class: "summary" }, [marked(eng, row[4], terms)]));
    var orgs = row[5].map(function (i) {
      var org = meta.labels.partner[i];
      return [org[1], fill(urls.partner, org[0])];
    });
    var countries = row[6].map(function (i) {
      var c = meta.labels.country[i];
      return [c[1], fill(urls.country, c[2])];
    });
    if (orgs.length || countries.length) {
      var tags = el("p", { class: "tags" });
      if (orgs.length) {
        tags.appendChild(el("span", { class: "label", text: "With" }));
        tags.appendChild(document.createTextNode(" "));
        links(orgs).forEach(function (n) { tags.appendChild(typeof n === "string" ? document.createTextNode(n) : n); });
      }
      if (orgs.length && countries.length) tags.appendChild(document.createTextNode(" · "));
      if (countries.length) {
        tags.appendChild(el("span", { class: "label", text: "In" }));
        tags.appendChild(document.createTextNode(" "));
        links(countries).forEach(function (n) { tags.appendChild(typeof n === "string" ? document.createTextNode(n) : n); });
      }
      item.appendChild(tags);
    }
    if (row[7].length) {
      var badges = el("ul", { class: "sdg-badges" });
      row[7].forEach(function (number) {
        var goal = goalOf(meta, number);
        var badge = el("a", { class: "sdg-badge", text: "SDG " + number });
        if (goal) {
          badge.setAttribute("href", href(fill(urls.sdg, goal[4])));
          badge.setAttribute("title", "SDG " + goal[0] + ": " + goal[1]);
          badge.style.setProperty("--sdg", goal[2]); // CSSOM: allowed under a strict CSP
          badge.style.setProperty("--sdg-text", goal[3]);
        }
        badges.appendChild(el("li", {}, [badge]));
      });
      item.appendChild(badges);
    }
    return item;
  }

  /* ---- facets: top values with counts, "Show all", a filter box, chips for the chosen ---- */

  function sortedValues(meta, group, counts, selection) {
    var values = Array.from(counts.keys());
    selection.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
    return values.sort(function (a, b) {
      if (group === "year") return (a === "undated") - (b === "undated") || Number(b) - Number(a);
      return (counts.get(b) || 0) - (counts.get(a) || 0) ||
        (collator || (collator = new Intl.Collator())).compare(
          labelOf(meta, group, a), labelOf(meta, group, b));
    });
  }

  /* The values a group lists now: the chosen ones, then its top values, every value ("Show
   * all"), or those whose label holds the text of its filter box. */
  function listedValues(meta, group, values, selection) {
    var ui = facetView.groups[group];
    var find = S.fold(ui.find, false).toLowerCase().trim();
    if (find) {
      return values.filter(function (v) {
        return selection.has(v) || S.fold(labelOf(meta, group, v), false).toLowerCase().indexOf(find) >= 0;
      });
    }
    if (ui.all || values.length <= TOP_VALUES) return values;
    var top = values.slice(0, TOP_VALUES);
    return values.filter(function (v) { return selection.has(v) && top.indexOf(v) < 0; }).concat(top);
  }

  function facetItem(meta, group, value, count, checked) {
    var url = urlValue(meta, group, value);
    var id = "facet-" + group + "-" + String(url).replace(/[^A-Za-z0-9_-]/g, "_");
    var box = el("input", { type: "checkbox", id: id, name: group, value: url });
    box.checked = checked;
    var label = el("label", { for: id }, [
      labelOf(meta, group, value) + " ",
      el("span", { class: "count", text: "(" + count + ")" }),
    ]);
    return el("li", {}, [box, label]);
  }

  /* Fill one group's list and its "Show all" button from the last counts. */
  function fillGroup(group) {
    var data = facetView.data, box = facetGroups.querySelector("[data-facet=" + group + "]");
    if (!data || !box) return;
    var meta = data.meta, counts = data.counts[group], selection = data.selection[group];
    var values = sortedValues(meta, group, counts, selection);
    var listed = listedValues(meta, group, values, selection);
    var ul = box.querySelector("ul");
    clear(ul);
    listed.forEach(function (v) {
      ul.appendChild(facetItem(meta, group, v, counts.get(v) || 0, selection.has(v)));
    });
    if (!listed.length) ul.appendChild(el("li", { class: "count", text: "No match" }));
    var more = box.querySelector("[data-show-all]");
    if (more) {
      var ui = facetView.groups[group];
      more.hidden = !!ui.find;
      more.textContent = ui.all ? "Show fewer" : "Show all " + values.length + " " + GROUP_PLURALS[group];
      more.setAttribute("aria-expanded", ui.all ? "true" : "false");
    }
  }

  function renderFacets(meta, refs, rows, selection) {
    var focused = document.activeElement && facetGroups.contains(document.activeElement)
      ? document.activeElement : null;
    var focusId = focused && (focused.id || focused.getAttribute("data-focus-key"));
    clear(facetGroups);
    facetView.data = { meta: meta, counts: S.facetCounts(refs, rows, selection), selection: selection };
    S.GROUPS.forEach(function (group) {
      var counts = facetView.data.counts[group];
      var count = sortedValues(meta, group, counts, selection[group]).length;
      if (!count) return;
      if (!facetView.groups[group]) facetView.groups[group] = { all: false, find: "" };
      var ui = facetView.groups[group];
      var box = el("fieldset", { class: "facet", "data-facet": group }, [
        el("legend", { text: GROUP_TITLES[group] }),
      ]);
      if (count > TOP_VALUES) {
        var find = el("input", {
          type: "search", "data-facet-find": group, "data-focus-key": "find-" + group,
          "aria-label": "Find a " + GROUP_TITLES[group].toLowerCase(),
          placeholder: "Find a " + GROUP_TITLES[group].toLowerCase(), autocomplete: "off",
        });
        find.value = ui.find;
        box.appendChild(el("div", { class: "facet-find" }, [find]));
      }
      box.appendChild(el("ul"));
      if (count > TOP_VALUES) {
        box.appendChild(el("button", {
          type: "button", class: "facet-more", "data-show-all": group, "data-focus-key": "all-" + group,
        }));
      }
      facetGroups.appendChild(box);
      fillGroup(group);
    });
    if (!facetView.shownOnce && facetGroups.firstChild) {
      facetView.shownOnce = true; // on a phone the filters start folded, below the results
      facetsDisclosure.open = !window.matchMedia("(max-width: 48rem)").matches;
    }
    facetsBox.hidden = !facetGroups.firstChild;
    if (focusId) {
      var again = document.getElementById(focusId) ||
        facetGroups.querySelector("[data-focus-key='" + focusId + "']");
      if (again) again.focus();
    }
  }

  facetGroups.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || box.type !== "checkbox") return;
    var set = state.selection[box.name];
    if (box.checked) set.add(box.value);
    else set.delete(box.value);
    view.shown = PAGE;
    save(state, true);
    show();
  });

  facetGroups.addEventListener("input", function (event) {
    var group = event.target.getAttribute("data-facet-find");
    if (!group) return;
    facetView.groups[group].find = event.target.value;
    fillGroup(group);
  });

  facetGroups.addEventListener("click", function (event) {
    var group = event.target.getAttribute("data-show-all");
    if (!group) return;
    facetView.groups[group].all = !facetView.groups[group].all;
    fillGroup(group);
  });

  toFilters.addEventListener("click", function () {
    facetsDisclosure.open = true;
  });

  function renderChips(meta) {
    clear(chipList);
    S.GROUPS.forEach(function (group) {
      Array.from(state.selection[group]).sort().forEach(function (v) {
        var value = facetValue(meta, group, v);
        if (value === null) return;
        var text = GROUP_TITLES[group] + ": " + labelOf(meta, group, value);
        var button = el("button", {
          type: "button", "data-chip": group, "data-value": v, "aria-label": "Remove filter " + text,
        }, [text + " ", el("span", { "aria-hidden": "true", text: "×" })]);
        chipList.appendChild(el("li", {}, [button]));
      });
    });
    chips.hidden = !chipList.firstChild;
  }

  chipList.addEventListener("click", function (event) {
    var button = event.target.closest("[data-chip]");
    if (!button) return;
    var buttons = Array.prototype.slice.call(chipList.querySelectorAll("[data-chip]"));
    var next = buttons[buttons.indexOf(button) + 1] || buttons[buttons.indexOf(button) - 1];
    var key = next ? [next.getAttribute("data-chip"), next.getAttribute("data-value")] : null;
    state.selection[button.getAttribute("data-chip")].delete(button.getAttribute("data-value"));
    view.shown = PAGE;
    save(state, true);
    show().then(function () {
      var target = key && chipList.querySelector(
        "[data-chip='" + key[0] + "'][data-value='" + CSS.escape(key[1]) + "']");
      (target || input).focus();
    });
  });

  clearAll.addEventListener("click", function () {
    S.GROUPS.forEach(function (g) { state.selection[g].clear(); });
    view.shown = PAGE;
    save(state, true);
    show();
    input.focus();
  });

  sortBox.addEventListener("change", function (event) {
    if (event.target.name !== "sort") return;
    state.sort = event.target.value === "newest" ? "newest" : "relevance";
    view.shown = PAGE;
    save(state, true);
    show();
  });

  /* ---- no results ---- */

  function suggest(meta, query) {
    clear(suggestions);
    var words = S.fold(query, false).toLowerCase().split(/\s+/).filter(function (w) { return w.length >= 2; });
    if (!words.length) return;
    var found = [];
    function consider(label, url) {
      var key = S.fold(label, false).toLowerCase();
      if (words.some(function (w) { return key.indexOf(w) >= 0; })) found.push([label, url]);
    }
    meta.labels.partner.forEach(function (o) { consider(o[1] === o[2] ? o[2] : o[2] + " (" + o[1] + ")", fill(meta.urls.partner, o[0])); });
    meta.labels.country.forEach(function (c) { consider(c[1], fill(meta.urls.country, c[2])); });
    meta.labels.sdg.forEach(function (g) { consider("SDG " + g[0] + ": " + g[1], fill(meta.urls.sdg, g[4])); });
    found.slice(0, 8).forEach(function (item) {
      suggestions.appendChild(el("li", {}, [el("a", { href: href(item[1]), text: item[0] })]));
    });
  }

  /* ---- running a query ---- */

  function setStatus(text, relaxed) {
    if (status.textContent !== text) status.textContent = text;
    if (relaxed) status.setAttribute("data-relaxed", "");
    else status.removeAttribute("data-relaxed");
  }

  function plural(n) {
    return n + (n === 1 ? " release" : " releases");
  }

  /* A promise of `value` once the browser has had a turn (drawn what changed) since. */
  function afterPaint(value) {
    return new Promise(function (resolve) {
      window.setTimeout(function () { resolve(value); }, 0);
    });
  }

  function reset() {
    clear(list);
    more.hidden = true;
    empty.hidden = true;
    facetsBox.hidden = true;
    tools.hidden = true;
  }

  /* What the search found, in words: the count, the filters, any-word results, a named
   * organization's or country's releases first. */
  function describe(meta, query, found, total, shown) {
    var text;
    if (found.relaxed) {
      text = "No release has every word of “" + query + "”; " + plural(total) +
        (total === 1 ? " has" : " have") + " some of them.";
    } else {
      text = plural(total) + " found for “" + query + "”.";
    }
    if (shown !== total) text = shown + " of " + text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "") + " match the filters.";
    var named = found.plan.entities.map(function (e) {
      var label = meta.labels[e.group][e.at];
      return e.group === "country" ? "in " + label[1] : "with " + label[1];
    });
    if (named.length && total) text += " Listed first: releases " + named.join(" and ") + ".";
    return text;
  }

  /* Show the current state: search when the query changed, then filter, sort and render.
   * While typing (options.typing), what is shown stays until the new results are ready, and a
   * last word too short or too broad to search yet leaves it as it is. */
  function show(options) {
    var typing = !!(options && options.typing);
    var gen = ++generation;
    var query = state.q.trim();
    if (headerInput && document.activeElement !== headerInput) headerInput.value = state.q;
    Array.prototype.forEach.call(sortBox.querySelectorAll("input"), function (radio) {
      radio.checked = radio.value === state.sort;
    });
    if (!query) {
      reset();
      setStatus("");
      chips.hidden = true;
      return Promise.resolve();
    }
    root.setAttribute("aria-busy", "true");
    var key = (typing ? "typing:" : "") + state.q;
    return engine().then(function (eng) {
      var meta = eng.meta;
      renderChips(meta);
      var searched = view.key === key
        ? Promise.resolve(view.found)
        : eng.find(state.q, { typing: typing }).then(function (found) {
          if (found.plan.clauses.length || !typing) {
            view = { key: key, found: found, rows: null, shown: view.shown };
          }
          return found;
        });
      return searched.then(function (found) {
        if (gen !== generation) return;
        if (typing && !found.plan.clauses.length) {
          if (found.pending) setStatus("Keep typing: “" + found.pending + "” is the start of many words.");
          return; // nothing to search yet: what is shown stays
        }
        var results = found.results;
        var refs = results.map(function (r) { return Number(r.ref); });
        var byRef = new Map();
        results.forEach(function (r) { byRef.set(Number(r.ref), r); });
        function termsOf(ref) { // the index terms this release matched: highlighted in it
          return new Set(Object.keys(byRef.get(ref).matchData.metadata));
        }
        var selection = rowSelection(meta);
        var rowsPromise = null;
        function facetRows() { // fetched after the first results unless filters need them first
          if (!rowsPromise) {
            rowsPromise = view.rows ? Promise.resolve(view.rows) : eng.facetRows(refs).then(function (rows) {
              if (view.found === found) view.rows = rows;
              return rows;
            });
          }
          return rowsPromise;
        }
        var filtered = hasSelection()
          ? facetRows().then(function (rows) { return S.filterRefs(refs, rows, selection); })
          : Promise.resolve(refs);
        return filtered.then(function (matching) {
          var ordered = state.sort === "newest"
            ? matching.slice().sort(function (a, b) { return a - b; })
            : matching;
          var page = ordered.slice(0, view.shown);
          // On a first search the first results are drawn as soon as their rows arrive; later
          // (typing, filters) the list changes at once, when every row is there.
          var first = list.firstChild ? page.length : Math.min(page.length, FIRST_DRAWN);
          var shown = eng.documents(page.slice(0, first)); // requested first, drawn first
          var later = eng.documents(page.slice(first));
          return shown.then(function (rows) {
            if (gen !== generation) return null;
            var items = rows.map(function (row, i) {
              return resultItem(eng, meta, page[i], row, termsOf(page[i]));
            });
            clear(list);
            items.forEach(function (item) { list.appendChild(item); });
            more.hidden = ordered.length <= page.length;
            tools.hidden = ordered.length < 1;
            sortBox.hidden = ordered.length < 2;
            empty.hidden = ordered.length > 0;
            if (!ordered.length) {
              emptyMessage.textContent = refs.length
                ? "No release matches “" + query + "” with the filters chosen: clear some filters."
                : "No release matches “" + query + "”.";
              suggest(meta, query);
            }
            setStatus(describe(meta, query, found, refs.length, ordered.length), found.relaxed);
            return later;
          }).then(function (rows) {
            if (gen !== generation || rows === null) return;
            rows.forEach(function (row, i) {
              list.appendChild(resultItem(eng, meta, page[first + i], row, termsOf(page[first + i])));
            });
            return facetRows().then(afterPaint).then(function (rows) {
              if (gen !== generation) return;
              if (refs.length) renderFacets(meta, refs, rows, selection);
              else facetsBox.hidden = true;
            });
          });
        });
      });
    }).catch(function (error) {
      if (gen !== generation) return;
      reset();
      setStatus("Search is not available right now (" + (error && error.message || error) + ").");
    }).then(function () {
      if (gen === generation) root.removeAttribute("aria-busy");
    });
  }

  /* ---- events ---- */

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    state.q = input.value;
    view.shown = PAGE;
    save(state, true);
    show();
  });

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var hadQuery = !!readState().q;
      state.q = input.value;
      view.shown = PAGE;
      save(state, !hadQuery);
      show({ typing: true });
    }, DEBOUNCE_MS);
  });

  more.addEventListener("click", function () {
    view.shown += PAGE;
    var next = list.children.length;
    show().then(function () {
      var link = list.children[next] && list.children[next].querySelector("a");
      if (link) link.focus();
    });
  });

  window.addEventListener("popstate", function () {
    state = readState();
    input.value = state.q;
    view.shown = PAGE;
    show();
  });

  input.value = state.q;
  if (state.q) show();
})();
