# egov trustlist: trust lists of conversion-mark keys (English).
# The same ids in the same order as locales/vi/.

trustlist-retired = key { $key_id } retired at { $at }
trustlist-revoked = key { $key_id } revoked at { $at } ({ $reason })
trustlist-now-plus-30 = now + 30 days cannot be computed
trustlist-new = New trust list of { $issuer } (unsigned): { $path }
trustlist-not-entry = { $path }: not a list entry (line { $line }, column { $column })
trustlist-public-key-hex = --public-key must be 64 hex digits
trustlist-usage-add = give --key, --entry or --public-key with --holder
trustlist-added = Added key { $key_id } of { $holder }
trustlist-resign = signatures dropped: sign it again with `egov trustlist sign`
trustlist-sign-first = the list is not signed yet: sign it with `egov trustlist sign`
trustlist-valid-days = --valid-days is too large: the next update cannot be computed
trustlist-issued = Issued and signed list number { $sequence } (next update due { $next })
trustlist-cosigned = Co-signed list number { $sequence } ({ $signatures } { $signatures ->
        [one] signature
       *[other] signatures
    })
trustlist-key-active = active
trustlist-key-retired = retired at { $at }
trustlist-key-revoked = REVOKED at { $at }: { $reason }
trustlist-role-mark-signer = signs marks
trustlist-role-list-operator = signs trust lists
trustlist-show =
    Trust list ({ $format })
    Issuer: { $issuer }
    Sequence: { $sequence }
    Issued: { $issued }
    Next update: { $next }
    Keys: { $keys }
trustlist-period-until = from { $from } until { $until }
trustlist-period = from { $from }
trustlist-unsigned = Signatures: none (unsigned)
trustlist-signatures = Signatures: { $ids }
trustlist-bad-pin = --pin { $pin }: neither 64 hex digits nor a key file
trustlist-accepted = accepted
trustlist-accepted-stale = accepted, stale
trustlist-not-accepted = not accepted
trustlist-number = no. { $sequence }
trustlist-via-pin = pinned key { $key_id }
trustlist-via-operator = list operator { $operator } of { $issuer }
trustlist-keys-vouched = Mark keys vouched for: { $count }
