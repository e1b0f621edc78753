"""The phrases that give an organization its part in a release: partnership ("in partnership
with", "jointly organized by"), funding ("funded by", "grant from", "on behalf of", "X will
fund", "the State budget"), technical help, and a sentence's subject and its verb."""

from __future__ import annotations

import re

MONEY_WORDS = (
    r"(?:the\s+)?(?:generous\s+|financial\s+|kind\s+|technical\s+)?(?:support|funding|financ|"
    r"assistance|contribution|grant|donation|resources)"
)
JOINT_VERBS = (
    r"organi[sz]ed|implemented|delivered|conducted|hosted|led|published|launched|released|"
    r"produced|developed|prepared|written|authored|convened|run|managed|chaired"
)
PARTNER_TRIGGER = re.compile(
    r"\b(?:in (?:close )?(?:collaboration|partnership|co-?operation|coordination|conjunction|"
    r"liaison) with|en (?:étroite )?(?:partenariat|collaboration|coopération|coordination) avec|"
    r"em (?:parceria|colaboração|cooperação|coordenação) com|juntamente com|"
    r"en (?:estrecha )?(?:colaboración|coordinación|cooperación|alianza) con|junto (?:con|a)|"
    r"(?:mis en (?:œ|oe)uvre|organisée?s?|réalisée?s?|implementad[oa]s?|ejecutad[oa]s?|"
    r"realizad[oa]s?|llevad[oa]s? a cabo|gestionad[oa]s?|administrad[oa]s?|operad[oa]s?|"
    r"dirigid[oa]s?|coordinad[oa]s?|conducid[oa]s?|gérée?s?|dirigée?s?|coordonnée?s?|"
    r"conduite?s?|menée?s?|gerid[oa]s?|coordenad[oa]s?|conduzid[oa]s?|"
    r"organizad[oa]s?|desarrollad[oa]s?) (?:par|por|pelo|pela)|"
    r"(?:équipe|equipo) (?:d['’]enquête|de investigación) conjointe? (?:avec|con)|"
    r"(?:(?:partner(?:ed|ing|s)?|collaborat\w+|co-?operat\w+|work(?:s|ed|ing)?)"
    r"(?: closely| together| hand in hand)?|team(?:ed|s)? up|"
    r"join(?:ed|s|ing)? forces|together|jointly|(?:developed|designed|drafted|prepared|produced|"
    r"implement(?:ed|s)?|organi[sz]ed|conducted|deliver(?:ed|s)?|carried out|runs|ran|"
    r"(?:is|are|was|were|will be|being) (?:run|operated|managed))(?: jointly)?) with|"
    r"(?:jointly |co-)?(?:organi[sz]ed|implemented|delivered|conducted|hosted|led) jointly by|"
    rf"(?:jointly |co-)?(?:organi[sz]ed|implemented|convened|hosted|co-hosted)(?: jointly)? by|"
    rf"(?:jointly |co-)(?:{JOINT_VERBS})(?: today| this week| on \w+day)? by|backed by|"
    r"with the participation of|(?<=, )with|in a joint (?:operation|investigation|action|"
    r"exercise|effort|initiative|project|patrol|mission) with|(?:a|the) joint (?:operation|"
    r"investigation|action|effort|patrol|mission)s? (?:by|of)|"
    r"(?:implemented|delivered|carried out|investigated|coordinated|led|launched|conducted|"
    r"chartered|arranged|facilitated|"
    r"(?:is|are|was|were|will be|being) (?:run|operated|managed|staffed))(?: jointly)?"
    r"(?: today| this week| on \w+day)? by|(?:taken into (?:the )?care|cared for) by|"
    r"(?:on|after|following|followed|acting on|received) (?:a tip(?:-off)?|referrals?|a request|"
    r"information) from|at the request of|in(?:to)? the care of|"
    r"bajo (?:el |la )?(?:resguardo|cuidado|protección|custodia|tutela) de|"
    r"(?:pris|prises) en charge par|confiée?s? à|"
    r"sob (?:a |o )?(?:guarda|proteção|cuidado|tutela) d[aeo]s?|"
    r"(?:dispatched|deployed|sent|mobili[sz]ed)\s+(?:[\w-]+\s+){0,3}?(?:units?|teams?|officers|"
    r"agents|staff|personnel|investigators|inspectors)\s+(?:of|from)(?: the)?|"
    r"(?:memorandum of understanding|mou|agreement|statement of partnership|letter of intent|"
    r"partnership|accord)(?:\s*\([A-Za-z]+\))? (?:with|between)|signed\b[^.;]{0,80}?\bwith)\s+"
    rf"(?!{MONEY_WORDS})",
    re.I,
)
FUNDED_WORK = (
    r"project|programme|program|initiative|activit(?:y|ie)|campaign|training|work|event|"
    r"workshop|conference|dialogue|course|centre|center|helpline|shelter|desk|study|research|"
    r"meeting|service|evacuation|assistance|operation|mission|guidance|tool|plan|fund|"
    r"drafting process"
)
FUNDER_TRIGGER = re.compile(
    r"\b(?:(?:generously |jointly |co-|largely |fully |partly )?(?:funded|financed|sponsored|"
    r"bankrolled|paid for)(?: jointly| generously| in part| mainly)? (?:by|through)|"
    r"(?:generously|financially) supported by|"
    rf"\b(?:{FUNDED_WORK})s? (?:is|was|are|were|has been|have been|will be) "
    r"(?:generously |also |kindly )?supported by|"
    r"(?:funding|financing|grants?|contributions?|donations?|financial support|support)\b"
    r"[^.;]{0,60}?\b(?:was|were|is|are|has been|have been|being) (?:generously )?provided by|"
    r"(?:with|through|thanks to) (?:the |a )?(?:generous |financial |kind |continued )?"
    r"(?:funding|contributions?|financing|grants?|donations?) (?:from|of|by)|"
    r"(?:with|through|thanks to) (?:the |a )?(?:generous |financial )(?:support|assistance) "
    r"(?:from|of|by)|financée?s? (?:par|grâce à)|financiad[oa]s? pel[oa]s?|"
    r"com (?:o )?(?:financiamento|apoio financeiro) d[aeo]s?|"
    r"(?:l['’]appui|le soutien|le concours|l['’]aide) financi(?:er|ère) (?:de la|des|du|de)|"
    r"(?:grâce (?:au|à un)|avec le) financement "
    r"(?:de|du|des)|financiad[oa]s? por|con (?:el )?(?:financiamiento|apoyo financiero) de|"
    r"con fondos de|"
    r"(?:funding|financing|grants?|contributions?|donations?) (?:from|by)|"
    r"made possible (?:by|through|with|thanks to) (?:the |a )?(?:generous )?(?:financial )?"
    r"(?:support|funding|contributions?|grants?) (?:of|from)"
    r"(?: the \w+ people (?:through|via))?|on behalf of|"
    r"(?:donors?|funders?|funding partners?)(?: (?:include|including|is|are|was|were|such as))?"
    r"\s*:?)\s+",
    re.I,
)
# Support that is funding when a donor gives it and partnership when anyone else does ("with
# support from the Government of Austria", "with the support of AFRIPOL", "supported by").
SUPPORT_TRIGGER = re.compile(
    r"\b(?:(?:with|through|thanks to) (?:the |a )?(?:kind |continued |full )?"
    r"(?:support|assistance|backing) (?:from|of|by)|(?<!financially )(?<!generously )"
    r"supported by|"
    r"avec (?:l['’]appui|le soutien|l['’]aide|le concours) (?:de la|de l['’]|des|du|de)|"
    r"con (?:el )?apoyo (?:de la|del|de los|de)|com o apoio (?:da|do|de)|"
    r"thank(?:ed|s|ing)?(?=\s[^.;]{0,160}?\bfor (?:their|its|the) (?:\w+ )?(?:support|"
    r"co-?operation|collaboration|partnership|assistance|help|contributions?)\b))"
    r"\s*(?!(?:the )?(?:generous|financial|technical)\b)",
    re.I,
)
# Names that say an organization gives money: donors, funds, embassies, development agencies.
DONOR_NAME = re.compile(
    r"\b(?:Embass(?:y|ies)|Consulate|Foundation|Fund|Trust|Donors?|Philanthrop\w*|"
    r"Development (?:Agency|Cooperation|Co-operation)|Agency for (?:International )?Development|"
    r"Cooperation Agency|International Development|Foreign(?:,)? Commonwealth|Foreign Office|"
    r"Foreign Affairs|Department of State|State Department|Population, Refugees|"
    r"Departamento de Estado|Département d['’]État|"
    r"European Union|European Commission|Bank|Lottery|Government|Gobierno|Gouvernement|"
    r"Embajada|Ambassade|Fundación|Fondation|Fondo|Fonds|Unión Europea|Union européenne)\b",
)
# Who receives support is a party too: "funding for X", "handed over vehicles to X".
RECIPIENT_TRIGGER = re.compile(
    r"\b(?:(?:funding|grants?|donations?|equipment|vehicles|awards?)\s+(?:for|to)|(?:handed over|"
    r"donated|delivered|awarded|granted)\b[^.;:]{0,100}?\bto|(?:a|ont|have|has) (?:remis|"
    r"livré|offert)\b[^.;:]{0,60}?\b(?:à|au|aux)|entreg(?:ó|aron|ou|aram|a|am)\b[^.;:]{0,60}?\b"
    r"(?:a(?:l|o|os)?|à)(?= ))\s+(?=(?:the\s+|l['’]|la\s+|el\s+|o\s+)?(?:[A-Z\ue000]|minist))"
)
# Who carries out the work a donor pays for: "Emergency Grant Aid ... through the International
# Organization for Migration (IOM) and UNICEF" (not "through its Bureau", the donor's own body).
CHANNEL_TRIGGER = re.compile(
    r"\b(?i:aid|grant|funding|contribution|assistance)\b[^.;:]{0,240}?\b(?:channell?ed )?"
    r"(?:through|via)\s+(?!(?:its|their)\b)(?=(?:the\s+)?[A-Z\ue000])"
)
# People counted are trainees or participants, not a body's staff doing the work: "a workshop for
# 60 officers from the Royal Malaysia Police".
COUNTED = re.compile(
    r"(?:\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds)(?:-\w+)?)\s+"
    r"(?:[a-z]+\s+)?$",
    re.I,
)
# Bodies that cooperate with one another: "the exchange of information between the DCI and the
# Ethiopian Federal Police" (two bodies, not two countries).
BETWEEN_TRIGGER = re.compile(
    r"\b(?:exchange of information|information exchange|co-?operation|collaboration|"
    r"coordination|joint investigation team) between\s+(?=(?:the\s+)?[A-Z\ue000])"
)
# A clause that carries on a partnership phrase: "together with X, which ..., and with Y", and
# in the same clause "organized by X and Y with Z".
AND_WITH = re.compile(r"\band (?:also )?with\s+(?=(?:the\s+)?[A-Z\ue000])")
WITH_MORE = re.compile(r"[^,;.]{0,160}?\s+with\s+(?=(?:the\s+)?[A-Z\ue000])")
# News copy's "..., X and Y said in a joint statement": the names before the verb.
JOINT_STATEMENT = re.compile(
    r"(?:^|[,;]\s*)([^,;]{3,200}?)\s+(?:said|announced|stated|declared|noted)\s+(?:in a joint "
    r"(?:statement|press release|communiqu[eé])|jointly)\b"
)
# A line that introduces a list of the parties: "The following authorities took part in this
# operation:", "Partners:"; each item may name its country first ("- Spain: Guardia Civil").
PARTICIPANTS_INTRO = re.compile(
    r"(?:\b(?:authorities|agencies|organi[sz]ations|partners|institutions|bodies|services|"
    r"countries|participants)\b[^.:]{0,60}\b(?:took part|participated|were involved|"
    r"contributed|joined|include|are|were)\b[^.]{0,60}|^(?:partners|participating "
    r"(?:authorities|agencies|organi[sz]ations)))\s*:$",
    re.I,
)
LIST_ITEM = re.compile(
    r"^-\s+(?:[A-Z][\w'’ -]{1,40}:\s+)?|\s*\((?![A-Z][A-Za-z.&/]{1,11}\))[^)]*\)\s*$"
)
# A headline's kicker before its subject: "EU Anti-Trafficking Day: CBSS and IOM publish ...".
KICKER = re.compile(r"^[^:.;]{2,60}:\s+(?=\S)")
HELP_TRIGGER = re.compile(
    r"\b(?:(?:with|through|thanks to) (?:the )?(?:technical|expert|operational|logistical|"
    r"logistic|practical) (?:support|assistance|help|expertise|advice) (?:of|from|by)|"
    r"(?:with|thanks to) (?:the )?help (?:of|from)|(?:assisted|aided) by|"
    r"with (?:\w+ )?(?:trainers|experts|officers|staff|specialists|representatives) (?:from|of))\s+"
)
FUND_VERB = re.compile(
    r"\s+(?:(?:will|has|have|had|is|are|also|today|jointly|generously|to)\s+){0,2}"
    r"(?:fund|funds|funded|finance|finances|financed|allocated|allocate|"
    r"allocates|contribute|contributes|contributed|donate|donates|donated|sponsor|sponsors|"
    r"sponsored|provide funding|provides funding|provided funding)\b(?!\s+by)"
)
STATE_BUDGET = re.compile(
    r"\b(?:financed|funded|paid|covered|supported)\s+(?:from|by|through|out of|under)\s+the\s+"
    r"(?:state|national|federal|government|public)\s+budget\b",
    re.I,
)
SUBJECT_SIGN = re.compile(
    r"\s+(?:(?:have|has|had|will|are|were|today|jointly|formally|officially|recently|also|"
    r"together|successfully|on \w+day(?:,? [A-Z][a-z]+ \d{1,2}| \d{1,2} [A-Z][a-z]+)?,?|"
    r"this week)\s+){0,3}(?:[a-z]+ed|sign|signs|launch(?:es)?|"
    r"opens?|joins?|agrees?|holds?|hosts?|renews?|unveils?|work|works|partners?(?= with)|teams?|"
    r"co-hosts?|organi[sz]es?|establish(?:es)?|set up|sets up|commits?|convenes?|calls?|urges?|"
    r"deliver|delivers|trains?|starts?|begins?|began|held|met|meet|meets|built|build|builds|"
    r"publish(?:es)?|validates?|support|supports|step|steps|open|assist|assists|help|helps|"
    r"implement|implements|run|runs|provide|provides|firm(?:an|aron|ó)|lanz(?:an|aron|ó)|"
    r"inaugur(?:an|aron|ó)|capacit(?:an|aron|ó)|fortalec(?:en|ieron|ió)|acord(?:aron|ó)|"
    r"ont (?:signé|lancé|formé|inauguré|renforcé)|sign(?:ent|e)|lancent|forment|renforcent|"
    r"assinaram|lançaram)\b|"
    r"\s+(?:will|would|shall|can|could|may|must|has|have|had|is|are|was|were)\s+(?=[a-z])"
)
PREPOSITION = re.compile(
    r"(?:under|in|on|at|to|with|for|through|after|during|following|since|as|by|from|today|this|"
    r"last|yesterday|earlier|later|meanwhile|however|according)\b",
    re.I,
)
LEADING_PHRASE = re.compile(
    r"^(?:On|In|At|During|Following|After|Ahead of|To mark|Marking|Under|Through|Speaking at|"
    r"To [a-z]+|As part of|With|Together with|Since|Last|This|Earlier|Today)\b"
    r"[^,;]{3,160},\s+(?=\S)"
)
# A clause set between the subject and its verb: "X, with the support of IOM, has launched".
INSERTED_CLAUSE = re.compile(
    r",\s*(?:in (?:close )?(?:collaboration|partnership|co-?operation) with|together with|"
    r"which|who|whose|a (?:charity|group|network|non-governmental organi[sz]ation|NGO)|with|"
    r"through|via|a través de|por medio de|por intermedio de|par l['’]intermédiaire de|"
    r"with (?:the )?(?:\w+ )?(?:support|help|assistance) (?:of|from)|supported by|backed by|"
    # an appositive that describes in common words: "UNFPA, the United Nations sexual and
    # reproductive health agency, today opened" (not "UNHCR, the UN Refugee Agency,")
    r"the (?=[^,;]*\b[a-z]{4,}\b))"
    r"\b[^,;]{2,120},"
)
THROUGH = re.compile(r",\s*(?:through|via)\s+(.+?),\s*$")
THROUGH_CLAUSE = re.compile(r"^([^,;]{2,80}),\s*(?:through|via)\s+(?P<bodies>[^,;]{2,200}),")
# A subject that supports or backs the work: "Switzerland is supporting a new programme".
SUPPORT_VERB = re.compile(
    r"\s+(?:(?:is|are|has|have|has been|have been|will be|was|were|also|continues to|will)\s+)"
    r"{0,2}(?:support(?:s|ing|ed)?|back(?:s|ing|ed)?)\b(?!\s+by)"
)
# News copy's "X said it was providing the men with food": X takes part.
SAID_IT = re.compile(
    r"(?:^|[,;]\s*)([^,;]{2,120}?)\s+said\s+(?:it|they)\s+(?:was|were|is|are|would|will|had|"
    r"has|have)\s+(?:\w+\s+){0,2}?(?:provid|help|assist|support|offer|giv|train|shelter|car)\w*"
)
# An amount of money: a donor agency that signs for one is the funder ("KOICA and UNICEF
# signed an agreement for a US$5 million programme").
MONEY = re.compile(
    r"(?:US\$|\$|€|£|¥|\b(?:USD|EUR|GBP|CHF|JPY|KRW|AUD|CAD)\s?)\s?\d|\d\s*(?:million|billion)\b"
)
# Names of bilateral development agencies, whose part is money.
DEVELOPMENT_AGENCY = re.compile(
    r"\b(?:Cooperation Agency|Development Agency|Agency for (?:International )?Development|"
    r"Development Cooperation|Zusammenarbeit|Coopération|Cooperación|Cooperação|Développement|"
    r"Desarrollo)\b"
)
# People of an organization who do the work: "counsellors from the NGO Maiti Nepal", "officers
# from China's Ministry of Public Security" (not "officials from Ethiopia and Djibouti").
PEOPLE_FROM = re.compile(
    r"\b(?i:counsell?ors|caseworkers|trainers|experts|specialists|staff|volunteers|lawyers|"
    r"psychologists|officers|investigators|representatives) from\s+(?=(?:the\s+)?[A-Z\ue000])"
)
# Head words of a state's bodies: a publisher so named with its country is that state.
STATE_BODY = re.compile(
    r"\b(?:Government|Ministry|Department|Embassy|Consulate|High Commission|Office|Agency|"
    r"Bureau|Federal|Police|Attorney|Cooperation|Development|State|Home|Foreign|Aid)\b"
)
# What an organization does alone as its part of the work: "BMET will register workers", "The
# Spanish Red Cross provided first aid", "A Comissão ... vai coordenar", "El Programa ... asistió".
WORK_VERB = re.compile(
    r"\s+(?:(?:will|shall|would|also|then|further|jointly|directly|today|has|have|had|vai|vão|va|"
    r"irá|on \w+day)\s+){0,3}(?:register|registers|registered|follow(?:s|ed)? up|assign(?:s|ed)?|"
    r"staff(?:s|ed)?|coordinat(?:e|es|ed)|(?:take|takes|took) part|participat(?:e|es|ed)|"
    r"provid(?:e|es|ed)|assist(?:s|ed)?|help(?:s|ed)?|support(?:s|ed)?|run|runs|ran|"
    r"manag(?:e|es|ed)|operat(?:e|es|ed)|host(?:s|ed)?|co-host(?:s|ed)?|chair(?:s|ed)?|"
    r"co-chair(?:s|ed)?|lead|leads|led|implement(?:s|ed)?|monitor(?:s|ed)?|overs(?:ee|ees|aw)|"
    r"refer(?:s|red)?|investigat(?:e|es|ed)|deploy(?:s|ed)?|suppl(?:y|ies|ied)|equip(?:s|ped)?|"
    r"set up|sets up|establish(?:es|ed)?|offer(?:s|ed)?|conduct(?:s|ed)?|deliver(?:s|ed)?|"
    r"organi[sz](?:e|es|ed)|co-organi[sz](?:e|es|ed)|shar(?:e|es|ed)|supervis(?:e|es|ed)|"
    r"trac(?:e|es|ed)|accompan(?:y|ies|ied)|shelter(?:s|ed)?|car(?:e|es|ed) for|"
    r"receiv(?:e|es|ed)|rescu(?:e|es|ed)|arrest(?:s|ed)?|dismantl(?:e|es|ed)|facilitat(?:e|es|ed)|"
    r"train(?:s|ed)?|sign(?:s|ed)?|open(?:s|ed)?|post(?:s|ed)?|"
    r"asisti(?:ó|eron|rá|rán)|brind(?:ó|aron|ará|arán)|coordin(?:ó|aron|ará|arán)|"
    r"acompañ(?:ó|aron|ará|arán)|apoy(?:ó|aron|ará|arán)|particip(?:ó|aron|ará|arán)|"
    r"rescat(?:ó|aron)|atend(?:ió|ieron|erá|erán)|coorden(?:ar|ou|aram|ará)|apoi(?:ar|ou|aram|ará)|"
    r"acompanh(?:ar|ou|aram|ará)|prest(?:ar|ou|aram|ará)|acolh(?:er|eu|eram|erá)|"
    r"particip(?:ar|ou|aram|ará)|coordonner(?:a|ont)|appuier(?:a|ont)|accompagner(?:a|ont)|"
    r"participer(?:a|ont)|(?:a|ont) (?:coordonné|assuré|accueilli|pris en charge|participé|appuyé|"
    r"accompagné))\b"
)
# Bodies that support, assist or help another body: "UNODC and IOM are supporting Nigeria's
# National Agency for the Prohibition of Trafficking in Persons (NAPTIP) in opening shelters".
SUPPORTS_BODY = re.compile(
    r"\s+(?:(?:is|are|has|have|has been|have been|will|will be|also|continue to|continues to)\s+)"
    r"{0,2}(?:support(?:s|ing|ed)?|assist(?:s|ing|ed)?|help(?:s|ing|ed)?)\s+"
    r"(?=(?:the\s+)?[A-Z\ue000])"
)
