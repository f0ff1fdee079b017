# egov-core: English messages. The English text of an error is its Display; this catalogue holds
# only what has no Display (none yet).
