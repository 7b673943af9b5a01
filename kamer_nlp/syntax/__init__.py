"""Dutch syntax for kamer-nlp: the UD Dutch treebanks, their fixed split by document, and
training the small tagger / morphologizer / parser pipeline that ships with the package
(``kamer_nlp/resources/models/syntax/``). See ``docs/syntax.md``."""
