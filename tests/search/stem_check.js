// Stems words with lunr.js 2.3.9's own stemmer, for comparing with the Python one.
//   node stem_check.js <lunr.js> <words.json>   prints a JSON list of stems, in order
"use strict";
const fs = require("fs");
const path = require("path");

const [lunrPath, wordsPath] = process.argv.slice(2);
const lunr = require(path.resolve(lunrPath));
const words = JSON.parse(fs.readFileSync(wordsPath, "utf8"));
process.stdout.write(JSON.stringify(words.map((w) => lunr.stemmer(new lunr.Token(w)).toString())));
