"""Role nouns and membership: "X, the founder and leader of Y", "Y's leader X",
"Quds Force Commander X", "X is a fellow at Y", "X acted as Y's interpreter", "X joined
Y", "This coalition includes groups such as X, Y", "a banner used by factions including X"."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.arguments import Context, Ent, country_key
from actorgraph.extract.rules_en.relations.base import (
    HYPHENS,
    NAMING_VERBS,
    Facts,
    Rules,
    actors_of,
    lemma_of,
    named_by_free_relative,
    objects_of,
    patients_of,
    pobjs_of,
    preps_of,
)
from actorgraph.extract.rules_en.relations.offices import (
    STATE_OFFICES,
    appointed_holders,
    appointed_tokens,
    head_title,
    is_body,
    office_states,
    portfolio_bodies,
    second_role,
)
from actorgraph.extract.rules_en.ruledata import table


def role_pred(rules: Rules, t: Token) -> str | None:
    if head_title(rules, t):
        return "leader_of"
    for w in (t.lower_, lemma_of(t)):
        if w in rules.role:
            return rules.role[w]
        if w in rules.part_nouns:
            return "member_of"
    return None


def _role_head(rules: Rules, t: Token) -> Token:
    """'the founder and leader of Y': the conjoined role nouns share holder and object."""
    while t.dep_ == "conj" and role_pred(rules, t.head):
        t = t.head
    return t


def _holder_types(rules: Rules, noun: Token, pred: str) -> tuple[str, ...]:
    if lemma_of(noun) in rules.part_nouns or noun.lower_ in rules.part_nouns:
        return ("organization",)
    if pred == "member_of":
        return ("person", "organization")
    if pred == "allied_with":
        return ("person", "organization", "country")
    return ("person",)


def list_ents(ctx: Context, tok: Token) -> list[Ent]:
    """Every name in a list written as conjuncts and appositions ('X in A; Y and Z in B;
    factions such as V and W; and the Houthi movement, Ansar Allah')."""
    out: list[Ent] = []
    todo, seen = [tok], set()
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        m = ctx.mention_at(t)
        if m is not None:
            out.append(ctx.ent_of(m))
        else:
            out.extend(ctx.list_items(t))
            out.extend(ctx.ent_of(cm) for c in t.children
                       if c.dep_ == "appos" and (cm := ctx.mention_at(c)) is not None)
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    uniq: list[Ent] = []
    for e in out:
        if e.key not in {u.key for u in uniq}:
            uniq.append(e)
    return uniq


def _role_holders(ctx: Context, rules: Rules, noun: Token, types) -> list[Ent]:
    if noun.dep_ == "conj" and any(c.lower_ == "other" and c.dep_ == "amod"
                                   for c in noun.children):
        return _others_of(ctx, noun)
    n = _role_head(rules, noun)
    # "Its founder was X", "His principal aide is X", "Its best-known members are X; Y and Z"
    if n.dep_ == "nsubj" and lemma_of(n.head) in rules.copulas:
        out: list[Ent] = []
        for c in n.head.children:
            if c.dep_ == "attr":
                out.extend(list_ents(ctx, c))
        for c in n.children:
            if c.dep_ == "appos":
                out.extend(list_ents(ctx, c))
        return out
    # "one of its senior figures", "among the party's early leaders"
    if n.dep_ == "pobj" and n.head.lower_ in ("of", "among"):
        host = n.head.head
        if n.head.lower_ == "of" and lemma_of(host) in ("one", "some", "each", "many", "two"):
            if host.dep_ == "appos":
                return ctx.apposed(host, types)
            if host.dep_ in ("attr", "pobj") and lemma_of(host.head) in rules.copulas | {"among"}:
                verb = host.head if host.dep_ == "attr" else host.head.head
                toks, _ = ctx.subject(verb)
                return [e for t in toks for e in ctx.ents(t)]
        if n.head.lower_ == "among" and lemma_of(host) in rules.copulas:
            toks, _ = ctx.subject(host)
            return [e for t in toks for e in ctx.ents(t)]
        if n.head.lower_ == "of" and lemma_of(host) == "one":   # "one of its members, X"
            listed = [e for c in host.children if c.dep_ == "appos" for e in ctx.ents(c)]
            if listed:
                return listed
    if n.dep_ == "appos":
        found = ctx.apposed(n, types)
        if found:
            return found
    holders: list[Ent] = []
    for c in n.children:
        if c.dep_ == "appos" and ctx.mention_at(c) is not None:
            holders.extend(ctx.ents(c))
        # "a Nujaba commander known as Abu Taqwa", "a member named X"
        if c.dep_ == "acl" and lemma_of(c) in NAMING_VERBS:
            for x in c.children:
                named = [x] if x.dep_ == "oprd" else (pobjs_of(x) if x.dep_ == "prep"
                                                     and x.lower_ == "as" else [])
                holders.extend(e for o in named for e in ctx.ents(o) if e.type == "person")
    if not holders:
        # the parser may hang the names on the object: "leaders of the group, X and Y",
        # "the mayor of the southern city of Basra, X"
        chain: list[Token] = []
        todo = [n]
        while todo and len(chain) < 3:
            t = todo.pop(0)
            for p in preps_of(t, ("of", "in")):    # "its commander in Syria, X"
                for o in pobjs_of(p):
                    chain.append(o)
                    todo.append(o)
        for o in chain:
            if (om := ctx.mention_at(o)) is not None and om.type == "person":
                break
            for c in o.children:
                if c.dep_ == "appos" and (cm := ctx.mention_at(c)) is not None \
                        and cm.type == "person":
                    holders.extend(ctx.ents(c))
    if holders:
        return holders
    found = appointed_holders(ctx, rules, n) or _governing_holders(ctx, rules, n)
    if not found and n.dep_ == "conj" and n.head.pos_ == "NOUN":
        # "described X as Y's cousin and a member of Z": the first noun's holder
        first = n.head
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head
        found = _governing_holders(ctx, rules, first)
    return found


def _others_of(ctx: Context, n: Token) -> list[Ent]:
    """'X, Y and other units of Z': the names coordinated before 'other ...' are units of
    Z (the parser may hang 'other units' on a noun above the names: the names written just
    before the conjunction are the ones meant)."""
    j = n.left_edge.i - 1
    while j >= 0 and (n.doc[j].pos_ in ("CCONJ", "PUNCT")):
        j -= 1
    m = ctx.mention_at(n.doc[j]) if j >= 0 else None
    if m is None:
        return []
    root = ctx.mention_root(m)
    first = root
    while first.dep_ == "conj" and ctx.mention_at(first.head) is not None:
        first = first.head
    toks = [first, *first.conjuncts]
    return [e for t in toks if t.i < n.i and ctx.mention_at(t) is not None for e in ctx.ents(t)]


def _governing_holders(ctx: Context, rules: Rules, n: Token) -> list[Ent]:
    """The holder read from what governs the role noun: a name it is a compound of, the
    subject of a copula, the object of 'appoint ... as'."""
    if n.dep_ == "compound":
        t = n.head
        while t.dep_ == "compound" and ctx.mention_at(t) is None:
            t = t.head
        m = ctx.mention_at(t)
        return [ctx.ent_of(m)] if m is not None else []
    if n.dep_ in ("attr", "oprd") and lemma_of(n.head) in rules.copulas:
        toks, _ = ctx.subject(n.head)
        return [e for t in toks for e in ctx.ents(t)]
    if n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ in ("NOUN", "PROPN"):
        # "the group named X as its emir", the verb read as a participle on 'group'
        named = [x for c in n.head.head.children if c.dep_ == "acl"
                 and lemma_of(c) in rules.as_verbs for x in c.children if x.dep_ in ("oprd", "dobj")]
        if named:
            return [e for x in named for e in ctx.ents(x)]
    if n.dep_ == "oprd" or (n.dep_ == "pobj" and n.head.lower_ == "as"):
        verb = n.head if n.dep_ == "oprd" else n.head.head
        if lemma_of(verb) in rules.as_verbs:
            if ctx.is_passive(verb):
                toks, _ = ctx.subject(verb)
            else:
                toks = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i != n.i
                        ] or ctx.subject(verb)[0]
            return [e for t in toks for e in ctx.ents(t)]
    return []


def _state_leader(rules: Rules, t: Token) -> bool:
    """'president', 'king', 'prime minister': a title whose demonym names the state led."""
    return lemma_of(t) in rules.state_leaders or t.lower_ in rules.state_leaders or (
        head_title(rules, t) and not second_role(rules, t))


def role_holders(ctx: Context, rules: Rules, noun: Token) -> list[Ent]:
    """Who holds the role noun `noun`, whatever its predicate ('his successor, Y')."""
    return _role_holders(ctx, rules, noun, ("person",))


def _role_objects(ctx: Context, rules: Rules, noun: Token, pred: str) -> tuple[list[Ent], bool]:
    """The organisation, place or person a role noun belongs to; and whether the text
    names one at all (a preposition phrase), entity or not."""
    def own(t: Token) -> bool:
        return any(p.dep_ == "prep" and p.lower_ in rules.role_preps for p in t.children) or any(
            c.dep_ == "poss" for c in t.children)
    lo, hi = hyphenated(noun)
    group = [noun] + [noun.doc[i] for i in range(lo, hi + 1, 2) if i != noun.i]
    if not own(noun):
        head = _role_head(rules, noun)
        if head.i != noun.i:
            group.append(head)
        group += [c for c in noun.children if c.dep_ == "conj" and role_pred(rules, c)]
    out: list[Ent] = []
    areas: list[Ent] = []     # "commander for Lebanon": where the role is held
    stated = False
    for t in group:
        for p in t.children:
            if p.dep_ != "prep" or p.lower_ not in rules.role_preps:
                continue
            if pred not in rules.role_preps[p.lower_]:
                continue
            stated = True
            for o in pobjs_of(p):
                areas.extend(ctx.ents(o, "object"))
            areas.extend(named_by_free_relative(ctx, p))    # "part of what X calls Y"
        for c in t.children:
            if c.dep_ == "poss":
                stated = True
                out.extend(ctx.ents(c, "object"))
            elif c.dep_ in ("compound", "nmod") and c.i < t.i:
                m = ctx.mention_at(c)
                if m is not None and (m.type != "person" or pred == "associate_of"):
                    stated = True
                    out.append(ctx.ent_of(m))
                elif _state_leader(rules, t):
                    d = ctx.demonym_country(c)
                    if d is not None:
                        stated = True
                        out.append(d)
            elif c.dep_ == "amod" and c.i < t.i and _state_leader(rules, t):
                d = ctx.demonym_country(c)
                if d is not None:
                    stated = True
                    out.append(d)
    if out:   # an owner named ("the Quds Force's commander for Lebanon"): places are areas
        areas = [a for a in areas if a.type not in ("country", "place")]
    return out + areas, stated


def _context_group(ctx: Context, tok: Token) -> list[Ent]:
    """The salient group, when this sentence or the one before names or refers to it."""
    if not ctx.salient:
        return []
    si = ctx.sentence_of(tok)
    for idx in (si, si - 1):
        if idx < 0:
            continue
        if any(e.key == ctx.salient for r in ctx.refs(idx) for e in r.ents):
            return ctx.salient_ent("context")
    return []


def hyphenated(t: Token) -> tuple[int, int]:
    """The token span of the hyphenated word `t` is part of ('secretary-general')."""
    doc = t.doc
    lo = hi = t.i
    while lo >= 2 and doc[lo - 1].text in HYPHENS and not doc[lo - 2].whitespace_ \
            and not doc[lo - 1].whitespace_:
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text in HYPHENS and not doc[hi].whitespace_ \
            and not doc[hi + 1].whitespace_:
        hi += 2
    return lo, hi


def rule_role(ctx: Context, rules: Rules, t: Token, out: Facts, pred: str | None = None) -> None:
    whole = pred is not None
    if pred is None:
        lo, hi = hyphenated(t)
        if hi > lo:
            return  # a hyphenated role is read whole (rule_role_multiword)
    pred = pred or role_pred(rules, t)
    if pred is None:
        return
    if t.dep_ == "compound" and role_pred(rules, t.head) and ctx.mention_at(t.head) is None:
        return  # "deputy chairman": the head noun speaks
    holders = _role_holders(ctx, rules, t, _holder_types(rules, t, pred))
    if not holders:
        return
    objects, stated = _role_objects(ctx, rules, t, pred)
    # "X, elected Y's president in May, will ...": the participle clause is stated, not
    # under the modal of the clause it is set in
    at = next(iter(appointed_tokens(rules, _role_head(rules, t))), t)
    rule = "role_noun"
    word = lemma_of(t) if lemma_of(t) in rules.role else t.lower_
    if not objects and not stated and (pred == "member_of" and word in rules.context_members
                                       or second_role(rules, t) and pred == "leader_of"
                                       and word not in rules.portfolio_roles
                                       and (whole or word not in STATE_OFFICES)):
        # "X, a leading member who ...", "X, deputy secretary-general since 1998": one of
        # the group the sentence or the one before names (a deputy minister is the state's)
        objects = _context_group(ctx, t)
        rule = "role_noun_context"
    if word in rules.person_only:
        objects = [o for o in objects if o.type == "person"]
    head = _role_head(rules, t)
    if pred == "leader_of" and word not in rules.state_leaders and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        pred = "member_of"   # "a former commander of the TTP": one of its commanders
    if pred == "leader_of" and second_role(rules, t):
        pred = "member_of"   # "the group's deputy commander": one of its members
    if pred == "leader_of" and word not in rules.state_leaders and any(
            e.type in ("place", "country") for e in objects_of(ctx, head, ("in",), "place")):
        pred = "member_of"   # "the group's commander in Syria": one of its commanders
    if word in rules.portfolio_roles:
        # "Interior Minister X" heads the interior ministry; a deputy minister is in it
        bodies = [o for o in objects if is_body(rules, word, o)] or (
            portfolio_bodies(ctx, rules, t, word) if not objects else [])
        if bodies:
            lead = "member_of" if second_role(rules, t) else "leader_of"
            out.add(holders, lead, bodies, t, "role_portfolio")
            objects = [o for o in objects if o not in bodies]
    if pred in ("member_of", "leader_of"):
        # "Chile's ambassador X", "Egyptian government spokesman X": in the state's service
        out.add(holders, "member_of", office_states(ctx, t), at, "state_office", states=True)
    if word in rules.part_nouns:
        # "the Dawn Front's affiliate for Jordan and Lebanon": the branch acts there
        places = [e for o in objects_of(ctx, t, ("for", "in"), "place")
                  for e in [o] if e.type in ("country", "place")]
        # "the Syrian branch of Y", "Y's Iraqi affiliate": the country of its demonym
        places += [d for c in t.children if c.dep_ == "amod" and c.i < t.i
                   and not (c.i + 1 < len(t.doc) and t.doc[c.i + 1].text in HYPHENS)
                   for d in [ctx.demonym_country(c)] if d is not None]
        out.add(holders, "operates_in", places, t, "branch_for")
    if word in rules.flexible and not whole:
        people = [o for o in objects if o.type == "person"]
        others = [o for o in objects if o.type != "person"]
        out.add(holders, "associate_of", people, t, rule)
        out.add(holders, "member_of", others, t, rule)
        return
    out.add(holders, pred, objects, at, rule)


def rule_role_multiword(ctx: Context, rules: Rules, first: Token, last: Token,
                        out: Facts) -> None:
    """'secretary-general of Hezbollah', 'co-founder of X': the last word is the noun."""
    span = first.doc[first.i:last.i + 1]
    word = span.text.lower().replace("\u2010", "-").replace("\u2011", "-")
    entry = rules.multiword_roles.get(word)
    if entry is not None:
        rule_role(ctx, rules, span.root, out, pred=entry[1])


def rule_subject_object(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    lemma = lemma_of(v)
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children):
        return
    if lemma in rules.so_verbs:
        pred = rules.so_verbs[lemma]
        objects = patients_of(ctx, v)
        if lemma == "run" and any(ctx.mention_at(o) is None and lemma_of(o) in rules.channel_nouns
                                  for o in ctx.patient_tokens(v)):
            return
        out.add(actors_of(ctx, v), pred, objects, v, f"verb_{pred}")
    if lemma in rules.member_preps:
        objects = objects_of(ctx, v, rules.member_preps[lemma])
        for topic in (o for p in preps_of(v, ("on", "about")) for o in pobjs_of(p)):
            objects += objects_of(ctx, topic, rules.member_preps[lemma])  # "writes on X for Y"
        members = actors_of(ctx, v) or [   # "X's fighters are enrolled in Y": X is a member
            e for c in v.children if c.dep_ == "nsubjpass" for e in ctx.ents(c, "actor")]
        out.add(members, "member_of", objects, v, "verb_member_prep")
    if lemma in rules.belong_verbs:
        out.add(actors_of(ctx, v), "member_of", objects_of(ctx, v, ("to",)), v, "verb_belong")


def rule_include(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'This coalition includes groups such as X in A, Y in B': members of the coalition."""
    coalition = [e for e in actors_of(ctx, v) if e.type == "organization"]
    if not coalition:
        return
    members: list[Ent] = []
    for o in ctx.patient_tokens(v) + [c for c in v.children if c.dep_ == "conj"
                                       and c.pos_ in ("NOUN", "PROPN")]:
        members.extend(ctx.ents(o))
        for tok in o.subtree:
            m = ctx.mention_at(tok)
            if m is not None and m.type == "organization" and in_list(rules, tok, o):
                members.append(ctx.ent_of(m))
    out.add(members, "member_of", coalition, v, "coalition_includes")


def in_list(rules: Rules, tok: Token, top: Token) -> bool:
    """Whether a name sits under 'such as' / 'including' / 'like' below `top`."""
    t = tok
    for _ in range(12):
        if t.i == top.i or t.head.i == t.i:
            return False
        if t.lower_ in ("as", "including", "like", "notably") and t.dep_ == "prep":
            return True
        t = t.head
    return False


def rule_coalition_descriptor(ctx: Context, rules: Rules, n: Token, out: Facts) -> None:
    """'the Islamic Resistance in Iraq, a banner used by factions including X and Y':
    the listed groups are members of the coalition the descriptor stands for."""
    holders = [e for e in ctx.apposed(n, ("organization",)) if e.type == "organization"] \
        if n.dep_ in ("appos", "npadvmod") or n.i > 0 and n.doc[n.i - 1].text in (",",) or any(
            t.text == "," for t in n.doc[max(0, n.left_edge.i - 1):n.left_edge.i]) else []
    if not holders and n.dep_ in ("attr",) and lemma_of(n.head) in rules.copulas:
        toks, _ = ctx.subject(n.head)
        holders = [e for x in toks for e in ctx.ents(x) if e.type == "organization"]
    if not holders:
        return
    members: list[Ent] = []
    for t in n.subtree:
        if t.pos_ in ("NOUN", "PROPN"):
            members.extend(ctx.list_items(t))
    for clause in (c for c in n.children if c.dep_ == "relcl"):
        # "a banner under which X, Y and smaller factions claim their attacks"
        if any(p.dep_ == "prep" and p.lower_ in ("under", "within", "in", "through")
               and any(o.tag_ == "WDT" for o in pobjs_of(p)) for p in clause.children):
            members.extend(e for c in clause.children if c.dep_ == "nsubj"
                           for e in list_ents(ctx, c))
    out.add(members, "member_of", holders, n, "coalition_descriptor")


STATE_TITLES = table("relations", "state_titles")


def _title_words(ctx: Context, m) -> set[str]:
    """The capitalised words written just before a name and hung on it ('Supreme Leader
    Ayatollah' in 'Supreme Leader Ayatollah Ali Khamenei'): its titles."""
    first = min((t.i for t in ctx.mention_root(m).subtree if ctx.mention_at(t) is m), default=0)
    out: set[str] = set()
    i = first - 1
    while i >= 0 and len(out) < 4:
        t = ctx.doc[i]
        if not t.text[:1].isupper() or t.dep_ != "compound" or ctx.mention_at(t) is not None:
            break
        out.add(t.lower_.rstrip("."))
        i -= 1
    return out


def titled_leaders(ctx: Context, rules: Rules, out: Facts) -> None:
    """'President Joe Biden blamed ...', 'Supreme Leader Ali Khamenei named ...': a known
    head of state or government, given that title in the text, leads the state the
    gazetteer says he or she leads ("President of the United States")."""
    for m in ctx.mentions:
        if m.type != "person" or not m.titles:
            continue
        words = {t.lower().rstrip(".") for t in m.titles} | _title_words(ctx, m)
        if "former" in words or "vice" in words or "deputy" in words:
            continue
        titles = {STATE_TITLES[w] for w in words if w in STATE_TITLES}
        entry = ctx.lex.lookup(m.name or m.text) or ctx.lex.lookup(m.text)
        if not titles or entry is None or entry.type != "person" or not entry.country:
            continue
        note = (entry.note or "").lower()
        country = ctx.lex.country_by_code.get(entry.country)
        if country is None or not any(f"{t} of" in note for t in titles):
            continue
        holder = ctx.ent_of(m)
        state = Ent(country_key(country), "country", "title")
        out.add([holder], "leader_of", [state], ctx.mention_root(m), "titled_leader")
