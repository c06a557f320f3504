"""Domain knowledge loaded from the data files (weapons, sources, actors, places, event cues, claim
properties, NER patterns) into phrase indexes, once per Extractor. Nothing here is hard-coded:
every word list comes from src/nkwatch/data/ (see each file's header)."""
from __future__ import annotations

import csv
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..models import EVENT_TYPES, WEAPON_CLASSES
from ..settings import Settings
from .phrases import PhraseIndex, PhraseScan, norm_phrase, noun_forms, verb_forms

DATA_FILES = ("weapons.toml", "sources.toml", "actors.toml", "places.csv", "event_cues.toml",
              "claim_properties.toml", "ner_patterns.jsonl", "exercises.toml", "boilerplate.toml")
# [context] lists whose words count as another list's words when a number counts them ("Russia has deployed some
# 8,000 North Koreans": troops; not "North Koreans who wanted to speak"): SentInfo.context, the cascade
COUNTED_CONTEXTS = {"troops": "counted_troops"}


@dataclass(frozen=True)
class Weapon:
    """A weapon vocabulary entry: named system, descriptive phrase, or class-less weapon word."""
    kind: str                 # named | generic | term
    name: str | None = None
    cls: str | None = None
    rank: int = 0
    role: str | None = None   # payload | launcher (space launch)
    country: str | None = None  # the state that fields a named system (default: weapons.toml [defaults])


@dataclass(frozen=True)
class Cue:
    type: str
    pos: str                  # verb | noun
    lemma: str                # the entry as written in the data file
    requires: tuple[str, ...] = ()
    kind: str | None = None   # a kind of event within the type (never merged with another kind)
    named: bool = False       # the name of one event (a named exercise), not a word for a kind of event


@dataclass(frozen=True)
class Retype:
    """A cue of type ``source`` whose weapon is of one of ``classes`` and whose sentence meets
    ``requires`` reports an event of ``type`` (and ``kind``) instead."""
    source: str
    classes: frozenset[str]
    requires: tuple[str, ...]
    type: str
    kind: str | None = None
    cues: frozenset[str] = frozenset()   # the cue entries it applies to (all when empty)


@dataclass(frozen=True)
class Absorb:
    """An event of ``source`` type and one of ``kinds`` whose every member is of those kinds and one of
    whose sentences names a [context] word of ``requires`` is, in a text that reports an event of
    ``type`` and ``kind`` on the same day (or none), that event told in parts ([[absorb]])."""
    source: str
    kinds: frozenset[str]
    requires: tuple[str, ...]
    type: str
    kind: str


@dataclass(frozen=True)
class Named:
    """A source, actor or place name entry."""
    name: str
    country: str = ""
    kind: str = ""
    precision: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Subject:
    slug: str
    type: str
    actors: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True)
class Measure:
    property: str
    unit: str
    units: dict
    cues: PhraseIndex
    types: tuple[str, ...]
    prefix: bool = False
    requires_weapon: bool = False
    offsets: PhraseIndex | None = None   # words right after the unit that make it a time offset ("three days after")
    windows: frozenset[str] = frozenset()   # words right before the number that make it a time window ("in a week")


@dataclass(frozen=True)
class CountRule:
    property: str
    types: tuple[str, ...]
    transfer_property: str | None = None
    persons: bool = False         # its nouns count people
    of_defers: bool = False       # "rounds of artillery shells": the complement's noun decides
    patient_of_unnamed: bool = False  # its patient verbs count only people with no figure of their own


@dataclass
class ClaimRules:
    measures: list[Measure]
    count_nouns: PhraseIndex      # -> CountRule
    count_verbs: PhraseIndex      # -> CountRule
    bounds: dict[str, str]        # normalized phrase -> ge | le | approx
    number_words: dict[str, float]
    multipliers: dict[str, float]
    patient_verbs: dict[str, CountRule] = field(default_factory=dict)   # lemma -> rule of its counted object
    patient_forms: PhraseIndex | None = None     # the inflected forms of those verbs (relevance cascade)
    verb_skip: PhraseIndex | None = None         # words between a counted noun and its verb
    sizes: PhraseIndex | None = None             # units that make a number a size (calibre, tonnage)
    locators: PhraseIndex | None = None          # words that make a distance a place's offset
    disasters: PhraseIndex | None = None         # natural causes of casualties: no military figure
    casualty_properties: frozenset[str] = frozenset()
    stock_properties: frozenset[str] = frozenset()   # counts that a standing force's size is no claim of
    stock_verbs: frozenset[str] = frozenset()
    stock_nouns: frozenset[str] = frozenset()
    estimate_verbs: frozenset[str] = frozenset()   # "put the death toll at 300": lemmas
    place_from: PhraseIndex | None = None        # "3,400 km from Pyongyang": a place's distance unless flown
    capability_modals: frozenset[str] = frozenset()  # [capability] modals: "could fly 13,000 km" is no measurement
    capability_words: frozenset[str] = frozenset()   # [capability] words: "capable of flying 15,000 km"
    revision_verbs: frozenset[str] = frozenset()     # [revisions]: "raised it to 6.3"
    definition_verbs: frozenset[str] = frozenset()   # [definitions]: "a kiloton is equivalent to 1,000 tons"
    total_nouns: frozenset[str] = frozenset()        # [totals]: "the number of troops rose to 11,000"
    # a count's property -> (the property it becomes, words of its sentence that make it so, words that keep it):
    # "fired 300 rounds from K9 howitzers" counts shells, "10 rounds from machine guns" stays rounds
    in_context: dict = field(default_factory=dict)
    from_launch: PhraseIndex | None = None       # "2 km from the launch site": a flight's distance after all
    static_verbs: frozenset[str] = frozenset()   # "the base is 50 km from the launch site": still a place's
    occasions: frozenset[str] = frozenset()      # [occasions]: "three rounds of firings" counts no rounds fired
    patient_nouns: dict[str, CountRule] = field(default_factory=dict)  # "the capture of two soldiers": lemma -> rule
    # a count's property -> the event types besides its first whose figure keeps it ("a missile drill fired four
    # missiles": a count, not the `transfer_property`)
    transfer_keep: dict[str, frozenset[str]] = field(default_factory=dict)
    suffer_verbs: frozenset[str] = frozenset()   # [verbs] suffer: "three soldiers suffered serious injuries"
    suffered_nouns: dict[str, CountRule] = field(default_factory=dict)  # their object's lemma -> rule
    capacity_words: frozenset[str] = frozenset()     # [capability] count_words: "capable of carrying 60 aircraft"
    rates: tuple[str, ...] = ()                      # [rates]: "km/h", "km per hour": a speed, no distance
    one_counts: frozenset[str] = frozenset()         # [numbers] one_counts: where "one X" is a figure
    spec_nouns: frozenset[str] = frozenset()         # [capability] spec_nouns/spec_heads: "has a range of 400 km"
    spec_heads: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()         # [capability] conditions: "successful when it yields 5 kt"
    references: frozenset[str] = frozenset()         # [capability] references: "the Hiroshima bomb, 15 kilotons"
    total_verbs: frozenset[str] = frozenset()        # [totals] verbs: "casualties have reached 3,000"
    part_words: frozenset[str] = frozenset()         # [numbers] part_words: "the other two drones"

    @cached_property
    def unit_words(self) -> frozenset[str]:
        """Every unit word of the measures ("km", "kiloton", "nautical mile")."""
        return frozenset(u for m in self.measures for u in m.units)


@dataclass
class Lexicon:
    weapons: PhraseIndex
    cues: PhraseIndex
    contexts: dict[str, PhraseIndex]
    sources: PhraseIndex
    actors: PhraseIndex
    places: PhraseIndex
    datelines: list[re.Pattern]
    modality: dict[str, frozenset[str]]
    reporting: PhraseIndex
    source_preps: PhraseIndex
    anaphoric_sources: frozenset[str]
    statement_verbs: PhraseIndex
    statement_nouns: frozenset[str]
    same_day: PhraseIndex
    span_markers: frozenset[str]
    moment_words: frozenset[str]   # [dating] "seconds after", "shortly after": no span, the same day
    depiction_verbs: frozenset[str]
    day_words: frozenset[str]
    event_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    act_nouns: frozenset[str]                      # [heads] "the launch of balloons": the act on what follows "of"
    act_types: frozenset[str]                      # [heads] the types whose cues act nouns take
    partitive_nouns: frozenset[str]                # [heads] "sections of the roads": what is acted on is the roads
    describing_kinds: frozenset[str]               # [heads] "troops who fought in Kursk": who they are
    event_part_nouns: frozenset[str]               # [heads] "as part of joint drills": the cue after "of" names that event
    of_non_events: frozenset[str]
    role_nouns: frozenset[str]                     # [heads]: "chairman of the talks": an office
    role_preps: frozenset[str]
    part_of_preps: frozenset[str]
    part_of_types: frozenset[str]
    contrast_negations: tuple[tuple[str, ...], ...]
    activity_purpose_nouns: frozenset[str]
    purpose_preps: frozenset[str]
    apart_preps: frozenset[str]
    kin_modifiers: frozenset[str]   # [heads] "another launch", "a similar test": one more event of the kind told
    kin_articles: frozenset[str]    # [heads] "carried out a test in 2009" in a sentence naming no weapon: one more
    kin_met_requirements: frozenset[str]   # [heads] what a kin word makes true of a noun cue ("a similar drill")
    response_nouns: frozenset[str]
    load_kinds: frozenset[str]
    load_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    impact_verbs: frozenset[str]   # [heads] a weapon fired whose relative clause has these hit a target: no test
    interception_particles: frozenset[str]   # [heads] "shot down": a weapon intercepted, none launched
    war_fire_verbs: frozenset[str]   # [heads] plain firing verbs: a war party's firing in its war is no test
    goal_preps: frozenset[str]     # [heads] prepositions of where an act is aimed (requirements "X_goal")
    durative_types: frozenset[str]
    ongoing_types: frozenset[str]
    report_window_days: int
    subjects: list[Subject]
    claims: ClaimRules
    ner_patterns: list[dict]
    compatible_classes: dict[str, frozenset[str]]
    locative_preps: frozenset[str]
    place_skippable: frozenset[str]
    paragraph_preps: frozenset[str]
    spanning_waters: frozenset[str] = frozenset()   # [places]: never a sea apart from another
    test_sites: frozenset[str] = frozenset()        # [places]: a test told there is a weapons test
    target_verbs: frozenset[str] = frozenset()      # [places]: an attack's object is its place
    origin_preps: frozenset[str] = frozenset()      # [places]: a launch's land site before its sea
    origin_types: frozenset[str] = frozenset()      # [places]: the events told with such a site
    exercises: PhraseIndex | None = None   # named exercise -> tuple of participating states
    references: PhraseIndex | None = None  # words that refer to a test of a class (weapons.toml [references])
    conductor_preps: frozenset[str] = frozenset()
    anaphoric_conductors: frozenset[str] = frozenset()
    allied_anaphoric: frozenset[str] = frozenset()   # [conductors]: "the allies" stands for two or more states
    conductor_all_named: frozenset[str] = frozenset()
    conductor_owner_types: frozenset[str] = frozenset()
    of_agent_nouns: frozenset[str] = frozenset()   # [conducting] "the defection of a North Korean soldier": who moved
    conductor_default: str = ""
    conductor_default_types: frozenset[str] = frozenset()
    conductor_default_alone: frozenset[str] = frozenset()
    pronoun_default_types: frozenset[str] = frozenset()   # [conductors] a pronoun for the default state named before it
    conductor_clause_types: frozenset[str] = frozenset()
    meeting_types: frozenset[str] = frozenset()
    guest_verbs: frozenset[str] = frozenset()   # their subject is a guest of the event (conductors)
    guest_types: frozenset[str] = frozenset()
    guest_company_preps: frozenset[str] = frozenset()   # "attended a parade alongside Putin": with whom
    joint_meeting_words: frozenset[str] = frozenset()   # one meeting with several counterparts
    relative_apart_types: frozenset[str] = frozenset()   # [heads] a relative clause tells another event of these
    earlier_clause_types: frozenset[str] = frozenset()   # [heads] ... and so does a clause a since_preps word opens
    occasion_preps: frozenset[str] = frozenset()   # [heads] "signed the accord during the summit": one meeting
    occasion_marks: frozenset[str] = frozenset()   # [heads] "signed a treaty when Putin visited": one meeting
    ratify_words: frozenset[str] = frozenset()
    interdiction_kinds: frozenset[str] = frozenset()
    non_state_agents: frozenset[str] = frozenset()
    help_verbs: frozenset[str] = frozenset()      # [conductors] "helped Russia retake Kursk": the helpers take part
    help_nouns: frozenset[str] = frozenset()      # [conductors] "with the help of X": X takes part
    help_types: frozenset[str] = frozenset()
    control_verbs: frozenset[str] = frozenset()   # [conductors] "prompted Seoul to resume": its object does it
    response_cues: frozenset[str] = frozenset()
    mutual_cues: frozenset[str] = frozenset()
    ally_preps: frozenset[str] = frozenset()
    non_agent_verbs: frozenset[str] = frozenset()
    side_preps: frozenset[str] = frozenset()
    receiver_verbs: frozenset[str] = frozenset()    # [conductors] "Russia received shells from the North": the giver did it
    receiver_types: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()       # [conductors] "talks about the North's launch": what, not whom
    topic_verbs: frozenset[str] = frozenset()       # [conductors] "discussed the situation in Ukraine": what, not whom
    not_topic_nouns: frozenset[str] = frozenset()   # ... but "on the sidelines", "on the North Korean side" are where
    participant_verbs: frozenset[str] = frozenset()   # every inflected form (the lemmatizer errs: "staged" -> "stag")
    companion_verbs: frozenset[str] = frozenset()
    joining_verbs: frozenset[str] = frozenset()     # "Britain also joined the exercise": a side of the drill told
    conduct_verbs: frozenset[str] = frozenset()
    conduct_verb_types: frozenset[str] = frozenset()
    conductor_host_types: frozenset[str] = frozenset()
    sequence_verbs: frozenset[str] = frozenset()   # [dating]: "the drills follow a conference last month"
    reaction_verbs: frozenset[str] = frozenset()   # [dating]: "the UN condemned the launch last week"
    rate_verbs: frozenset[str] = frozenset()       # [dating]: "the transfers have accelerated this year"
    talk_nouns: frozenset[str] = frozenset()       # [dating]: "discussed the launches in a call on Monday"
    reporter_nouns: frozenset[str] = frozenset()   # [attribution]: "South Korean lawmakers said": the phrase is the source
    apposition_kinds: frozenset[str] = frozenset()
    instance_preps: frozenset[str] = frozenset()
    victim_kinds: frozenset[str] = frozenset()
    struck_kinds: frozenset[str] = frozenset()   # [conductors] "the sinking of a South Korean warship": by the other side
    mutual_kinds: frozenset[str] = frozenset()
    blame_verbs: frozenset[str] = frozenset()
    sided_types: frozenset[str] = frozenset()
    sentence_sided_types: frozenset[str] = frozenset()
    target_kinds: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    coalition: tuple[str, ...] = ()
    coalition_kinds: frozenset[str] = frozenset()
    strike_nouns: frozenset[str] = frozenset()   # [conductors] "killed in a Ukrainian drone strike": that side's
    loss_verbs: frozenset[str] = frozenset()
    border_sides: tuple[str, ...] = ()
    between_sides_types: frozenset[str] = frozenset()   # [conductors] incidents of the two sides only
    conductor_default_kinds: frozenset[str] = frozenset()   # [conductors] default_kinds: the default state's
    retypes: tuple[Retype, ...] = ()
    absorbs: tuple[Absorb, ...] = ()
    durative_kinds: frozenset[str] = frozenset()
    background_types: frozenset[str] = frozenset()   # [dating]: the news and an earlier event never merge
    background_days: int = 7
    tally_min_count: int = 10                        # [dating]: so many weapons in a year's launch: a tally
    one_day_types: frozenset[str] = frozenset()      # [dating]: undated reports with times of their own: two events
    relative_times: dict[str, tuple[str, int]] = field(default_factory=dict)  # [dating]: "last month": (month, -1)
    prior_markers: frozenset[str] = frozenset()      # [dating]: "two days after it fired": an earlier event
    earlier_adverbs: frozenset[str] = frozenset()    # [dating]: "had earlier met Putin in September"
    other_event_words: frozenset[str] = frozenset()  # [dating]: "a similar drill on Thursday"
    participants_other_words: frozenset[str] = frozenset()  # [dating]: "another soldier walked across"
    since_preps: frozenset[str] = frozenset()        # [dating]: "its first parade since February"
    prior_units: frozenset[str] = frozenset()
    prior_heads: frozenset[str] = frozenset()       # [dating]: "the launch came after it fired": an earlier event
    prior_types: frozenset[str] = frozenset()
    occasion_heads: frozenset[str] = frozenset()   # [heads]: "training sessions": headed by the occasion
    occasion_nouns: frozenset[str] = frozenset()     # [dating]: "for the first time" is no span
    start_verbs: frozenset[str] = frozenset()        # [dating]: "over three days starting January 5"
    offset_words: frozenset[str] = frozenset()       # [dating]: "the previous day", "two days earlier"
    befall_preps: frozenset[str] = frozenset()       # [dating]: "killed in the shelling a dozen years ago"
    projectile_classes: frozenset[str] = frozenset()  # weapons.toml [projectiles]
    firing_cues: frozenset[str] = frozenset()          # weapons.toml [projectiles] cues: never a nuclear test
    repeated_kinds: frozenset[str] = frozenset()
    incident_kinds: tuple[tuple[str, ...], ...] = ()   # [dating]: a crossing and the response to it: one incident
    phased_kinds: frozenset[str] = frozenset()
    participle_types: frozenset[str] = frozenset()
    dated_participle_types: frozenset[str] = frozenset()  # [heads]: a participle with a date reports the act
    phase_default: str = ""
    phase_verbs: dict[str, str] = field(default_factory=dict)    # verb (with its particle) -> phase
    phase_nouns: dict[str, str] = field(default_factory=dict)    # noun governing the cue -> phase
    enumeration: dict[str, frozenset[str]] = field(default_factory=dict)  # event_cues.toml [enumeration]
    bare_aliases: frozenset[str] = frozenset()   # actor aliases "the X" matched as "X" ("the reclusive North")
    surnames: frozenset[str] = frozenset()       # actor aliases that are a surname alone (actors.toml `surnames`)
    # a line ending with one of these runs on (nlp.wraps): boilerplate.toml [headline] not_last, which cleaning
    # reads too (no headline ends with one), lower case
    wrap_words: frozenset[str] = frozenset()
    fingerprint: str = ""

    @cached_property
    def sentence_scan(self) -> PhraseScan:
        """The phrase indexes a sentence is searched with (``SentInfo``: its tables, every context, the
        claim rules' count words, casualty causes and count context words) in one automaton, built
        once: each sentence is read once for all of them. (An index not in it is asked on its own.)"""
        claims = self.claims
        indexes = [self.weapons, self.cues, self.actors, self.places, self.sources, self.reporting,
                   self.source_preps, self.statement_verbs, self.exercises, *self.contexts.values(),
                   claims.count_nouns, claims.count_verbs, claims.disasters,
                   *(index for _, words, unless in claims.in_context.values() for index in (words, unless))]
        return PhraseScan(index for index in indexes if index is not None)


def _toml(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def _weapons(data: dict) -> list[tuple[str, Weapon]]:
    out = []
    home = data.get("defaults", {}).get("country")
    for w in data.get("weapon", []):
        if w["class"] not in WEAPON_CLASSES:
            raise ValueError(f"weapons.toml: unknown class {w['class']!r} for {w['name']}")
        entry = Weapon("named", w["name"], w["class"], 100, w.get("role"), w.get("country", home))
        for phrase in [w["name"], *w.get("aliases", [])]:
            out += [(f, entry) for f in noun_forms(phrase)]
    for g in data.get("generic", []):
        if g["class"] not in WEAPON_CLASSES:
            raise ValueError(f"weapons.toml: unknown class {g['class']!r}")
        entry = Weapon("generic", g.get("name"), g["class"], int(g.get("rank", 0)))
        for phrase in g["phrases"]:
            out += [(f, entry) for f in noun_forms(phrase)]
    term = Weapon("term")
    for phrase in data.get("terms", {}).get("phrases", []):
        out += [(f, term) for f in noun_forms(phrase)]
    return out


def _cues(data: dict) -> list[tuple[str, Cue]]:
    out = []
    for c in data.get("cue", []):
        if c["type"] not in EVENT_TYPES:
            raise ValueError(f"event_cues.toml: unknown type {c['type']!r}")
        req = tuple(c.get("requires", []))
        kind = c.get("kind")
        for v in c.get("verbs", []):
            cue = Cue(c["type"], "verb", v.split(":")[0], req, kind)
            out += [(f, cue) for f in verb_forms(v)]
        for n in c.get("nouns", []):
            cue = Cue(c["type"], "noun", n, req, kind)
            out += [(f, cue) for f in noun_forms(n)]
    return out


def _exercise_cues(data: dict) -> list[tuple[str, Cue]]:
    """Every named exercise of exercises.toml reports an exercise by its name alone."""
    out = []
    for e in data.get("exercise", []):
        for name in [e["name"], *e.get("aliases", [])]:
            cue = Cue("military_exercise", "noun", name, named=True)
            out += [(f, cue) for f in noun_forms(name)]
    return out


def _named_table(entries: list[dict], what: str) -> list[tuple[str, Named]]:
    out = []
    for e in entries:
        named = Named(e["name"], e.get("country", ""), e.get("kind", ""))
        for alias in [e["name"], *e.get("aliases", [])]:
            out.append((alias, named))
            if alias.lower().startswith("the "):
                out.append((alias[4:], named))
    if not out:
        raise ValueError(f"{what}: no entries")
    return out


def _places(path: Path) -> list[tuple[str, Named]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for row in csv.DictReader(lines):
        lat = float(row["lat"]) if row["lat"] else None
        lon = float(row["lon"]) if row["lon"] else None
        place = Named(row["name"], row["country"], "place", row["precision"], lat, lon)
        for alias in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
            out.append((alias, place))
            out.append((f"the {alias}", place))
    return out


def _claims(data: dict) -> ClaimRules:
    measures = [Measure(m["property"], m["unit"], {norm_phrase(k): float(v) for k, v in m["units"].items()},
                        PhraseIndex((c, True) for c in m.get("cues", [])), tuple(m.get("types", [])),
                        bool(m.get("prefix", False)), bool(m.get("requires_weapon", False)),
                        PhraseIndex((w, True) for w in m["offsets"]) if m.get("offsets") else None,
                        frozenset(norm_phrase(w) for w in m.get("windows", [])))
                for m in data.get("measure", [])]
    nouns, verbs, patients, patient_nouns, in_context, keep, suffered = [], [], {}, {}, {}, {}, {}
    for c in data.get("count", []):
        if c.get("context_property"):
            in_context[c["property"]] = (c["context_property"],
                                         PhraseIndex((w, True) for w in c.get("context_words", [])),
                                         PhraseIndex((w, True) for w in c.get("unless_words", [])))
        rule = CountRule(c["property"], tuple(c.get("types", [])), c.get("transfer_property"),
                         bool(c.get("persons", False)), bool(c.get("of_defers", False)),
                         bool(c.get("patient_of_unnamed", False)))
        nouns += [(f, rule) for n in c.get("nouns", []) for f in noun_forms(n)]
        verbs += [(v, rule) for v in c.get("verbs", [])]
        patients.update((v.lower(), rule) for v in c.get("patient_verbs", []))
        patient_nouns.update((n.lower(), rule) for n in c.get("patient_nouns", []))
        suffered.update((n.lower(), rule) for n in c.get("suffered_nouns", []))
        if c.get("keep_types"):
            keep[c["property"]] = frozenset(c["keep_types"])
    bounds = {}
    for bound, phrases in data.get("bounds", {}).items():
        for p in phrases:
            bounds[p.lower()] = bound
    nums = data.get("numbers", {})
    civil, stock = data.get("not_military", {}), data.get("stock", {})
    return ClaimRules(measures, PhraseIndex(nouns), PhraseIndex(verbs), bounds,
                      {k.lower(): float(v) for k, v in nums.get("words", {}).items()},
                      {k.lower(): float(v) for k, v in nums.get("multipliers", {}).items()},
                      patients, PhraseIndex((f, True) for v in patients for f in verb_forms(v)),
                      PhraseIndex((w, True) for w in data.get("verbs", {}).get("skip", [])),
                      PhraseIndex((u, True) for u in data.get("sizes", {}).get("units", [])),
                      PhraseIndex((w, True) for w in data.get("locators", {}).get("words", [])),
                      PhraseIndex((f, True) for w in civil.get("causes", []) for f in noun_forms(w)),
                      frozenset(civil.get("properties", [])), frozenset(stock.get("properties", [])),
                      frozenset(v.lower() for v in stock.get("verbs", [])),
                      frozenset(n.lower() for n in stock.get("nouns", [])),
                      frozenset(v.lower() for v in data.get("estimates", {}).get("verbs", [])),
                      PhraseIndex((w, True) for w in data.get("locators", {}).get("unless_flown", [])),
                      frozenset(w.lower() for w in data.get("capability", {}).get("modals", [])),
                      frozenset(w.lower() for w in data.get("capability", {}).get("words", [])),
                      frozenset(w.lower() for w in data.get("revisions", {}).get("verbs", [])),
                      frozenset(w.lower() for w in data.get("definitions", {}).get("verbs", [])),
                      frozenset(w.lower() for w in data.get("totals", {}).get("nouns", [])), in_context,
                      PhraseIndex((w, True) for w in data.get("locators", {}).get("from_launch", [])),
                      frozenset(v.lower() for v in data.get("locators", {}).get("static_verbs", [])),
                      frozenset(n.lower() for n in data.get("occasions", {}).get("nouns", [])),
                      patient_nouns, keep, frozenset(v.lower() for v in data.get("verbs", {}).get("suffer", [])),
                      suffered,
                      capacity_words=frozenset(w.lower() for w in data.get("capability", {}).get("count_words", [])),
                      rates=tuple(w.lower() for w in data.get("rates", {}).get("words", [])),
                      one_counts=frozenset(nums.get("one_counts", [])),
                      spec_nouns=frozenset(w.lower() for w in data.get("capability", {}).get("spec_nouns", [])),
                      spec_heads=frozenset(w.lower() for w in data.get("capability", {}).get("spec_heads", [])),
                      conditions=frozenset(w.lower() for w in data.get("capability", {}).get("conditions", [])),
                      references=frozenset(w.lower() for w in data.get("capability", {}).get("references", [])),
                      total_verbs=frozenset(w.lower() for w in data.get("totals", {}).get("verbs", [])),
                      part_words=frozenset(w.lower() for w in nums.get("part_words", [])))


def _fingerprint(data_dir: Path) -> str:
    h = hashlib.sha256()
    for name in DATA_FILES:
        h.update(name.encode())
        h.update((data_dir / name).read_bytes())
    return h.hexdigest()


def load_ner_patterns(path: Path) -> list[dict]:
    """The NER correction patterns of ner_patterns.jsonl (first line: provenance)."""
    lines = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not lines or "provenance" not in lines[0]:
        raise ValueError(f"{path}: first line must be a provenance object")
    return lines[1:]


def load_lexicon(settings: Settings) -> Lexicon:
    """Read every data file once and build the indexes."""
    weapons_data = _toml(settings.data_path("weapons.toml"))
    cues_data = _toml(settings.data_path("event_cues.toml"))
    sources_data = _toml(settings.data_path("sources.toml"))
    actors_data = _toml(settings.data_path("actors.toml"))
    claims_data = _toml(settings.data_path("claim_properties.toml"))

    weapon_entries = _weapons(weapons_data)
    exercises_data = _toml(settings.data_path("exercises.toml"))
    cue_entries = _cues(cues_data) + _exercise_cues(exercises_data)
    source_entries = _named_table(sources_data.get("source", []), "sources.toml")
    actor_entries = _named_table(actors_data.get("actor", []), "actors.toml")
    place_entries = _places(settings.data_path("places.csv"))
    claims = _claims(claims_data)

    contexts = {}
    for name, words in cues_data.get("context", {}).items():
        contexts[name] = PhraseIndex((f, True) for w in words for f in noun_forms(w))
    mod = {k: frozenset(w.lower() for w in v) for k, v in cues_data.get("modality", {}).items()}
    attribution = cues_data.get("attribution", {})
    reporting = PhraseIndex((f, v.split(":")[0]) for v in attribution.get("reporting_verbs", [])
                            for f in verb_forms(v))
    dating = cues_data.get("dating", {})
    places_rules = cues_data.get("places", {})
    heads = cues_data.get("heads", {})
    conducting = cues_data.get("conductors", {})
    phases = cues_data.get("phases", {})
    subjects = [Subject(s["slug"], s["type"], frozenset(s.get("actors", [])), frozenset(s.get("places", [])))
                for s in cues_data.get("subject", [])]

    lex = Lexicon(
        weapons=PhraseIndex(weapon_entries),
        cues=PhraseIndex(cue_entries),
        contexts=contexts,
        sources=PhraseIndex(source_entries),
        actors=PhraseIndex(actor_entries),
        bare_aliases=frozenset(
            norm_phrase(a[4:]) for e in actors_data.get("actor", []) for a in [e["name"], *e.get("aliases", [])]
            if a.lower().startswith("the ")),
        surnames=frozenset(norm_phrase(a) for e in actors_data.get("actor", []) for a in e.get("surnames", [])),
        places=PhraseIndex(place_entries),
        datelines=[re.compile(d["pattern"]) for d in sources_data.get("dateline", [])],
        modality=mod,
        reporting=reporting,
        source_preps=PhraseIndex((p, True) for p in attribution.get("source_preps", [])),
        anaphoric_sources=frozenset(a.lower() for a in attribution.get("anaphoric", [])),
        reporter_nouns=frozenset(a.lower() for a in attribution.get("reporter_nouns", [])),
        statement_verbs=PhraseIndex((f, True) for v in attribution.get("statement_verbs", []) for f in verb_forms(v)),
        statement_nouns=frozenset(n.lower() for n in attribution.get("statement_nouns", [])),
        same_day=PhraseIndex((p, True) for p in dating.get("same_day", [])),
        span_markers=frozenset(m.lower() for m in dating.get("span_markers", [])),
        moment_words=frozenset(m.lower() for m in dating.get("moment_words", [])),
        depiction_verbs=frozenset(v.lower() for v in dating.get("depiction_verbs", [])),
        sequence_verbs=frozenset(v.lower() for v in dating.get("sequence_verbs", [])),
        reaction_verbs=frozenset(v.lower() for v in dating.get("reaction_verbs", [])),
        rate_verbs=frozenset(v.lower() for v in dating.get("rate_verbs", [])),
        talk_nouns=frozenset(v.lower() for v in dating.get("talk_nouns", [])),
        day_words=frozenset(v.lower() for v in dating.get("day_words", [])),
        event_nouns=frozenset(w.lower() for w in heads.get("event_nouns", [])),
        occasion_heads=frozenset(w.lower() for w in heads.get("occasion_heads", [])),
        quantity_nouns=frozenset(w.lower() for w in heads.get("quantity_nouns", [])),
        act_nouns=frozenset(w.lower() for w in heads.get("act_nouns", [])),
        partitive_nouns=frozenset(w.lower() for w in heads.get("partitive_nouns", [])),
        act_types=frozenset(heads.get("act_types", [])),
        describing_kinds=frozenset(heads.get("describing_kinds", [])),
        event_part_nouns=frozenset(w.lower() for w in heads.get("event_part_nouns", [])),
        of_non_events=frozenset(w.lower() for w in heads.get("of_non_events", [])),
        role_nouns=frozenset(w.lower() for w in heads.get("role_nouns", [])),
        role_preps=frozenset(w.lower() for w in heads.get("role_preps", [])),
        part_of_preps=frozenset(w.lower() for w in heads.get("part_of_preps", [])),
        part_of_types=frozenset(heads.get("part_of_types", [])),
        contrast_negations=tuple(tuple(w.lower().split()) for w in heads.get("contrast_negations", [])),
        activity_purpose_nouns=frozenset(w.lower() for w in heads.get("activity_purpose_nouns", [])),
        purpose_preps=frozenset(w.lower() for w in heads.get("purpose_preps", [])),
        apart_preps=frozenset(w.lower() for w in heads.get("apart_preps", [])),
        kin_modifiers=frozenset(w.lower() for w in heads.get("kin_modifiers", [])),
        kin_articles=frozenset(w.lower() for w in heads.get("kin_articles", [])),
        kin_met_requirements=frozenset(heads.get("kin_met_requirements", [])),
        response_nouns=frozenset(w.lower() for w in heads.get("response_nouns", [])),
        load_kinds=frozenset(heads.get("load_kinds", [])),
        load_verbs=frozenset(w.lower() for w in heads.get("load_verbs", [])),
        naming_verbs=frozenset(w.lower() for w in heads.get("naming_verbs", [])),
        impact_verbs=frozenset(w.lower() for w in heads.get("impact_verbs", [])),
        interception_particles=frozenset(w.lower() for w in heads.get("interception_particles", [])),
        war_fire_verbs=frozenset(w.lower() for w in heads.get("war_fire_verbs", [])),
        goal_preps=frozenset(w.lower() for w in heads.get("goal_preps", [])),
        relative_apart_types=frozenset(heads.get("relative_apart_types", [])),
        earlier_clause_types=frozenset(heads.get("earlier_clause_types", [])),
        occasion_preps=frozenset(w.lower() for w in heads.get("occasion_preps", [])),
        occasion_marks=frozenset(w.lower() for w in heads.get("occasion_marks", [])),
        durative_types=frozenset(dating.get("durative_types", [])),
        ongoing_types=frozenset(dating.get("ongoing_types", [])),
        durative_kinds=frozenset(dating.get("durative_kinds", [])),
        repeated_kinds=frozenset(dating.get("repeated_kinds", [])),
        incident_kinds=tuple(tuple(k) for k in dating.get("incident_kinds", [])),
        phased_kinds=frozenset(phases.get("kinds", [])),
        participle_types=frozenset(heads.get("participle_types", [])),
        dated_participle_types=frozenset(heads.get("dated_participle_types", [])),
        phase_default=phases.get("default", ""),
        phase_verbs={v.lower(): name for name, words in phases.get("verbs", {}).items() for v in words},
        phase_nouns={v.lower(): name for name, words in phases.get("nouns", {}).items() for v in words},
        report_window_days=int(dating.get("report_window_days", 14)),
        background_types=frozenset(dating.get("background_types", [])),
        background_days=int(dating.get("background_days", 7)),
        tally_min_count=int(dating.get("tally_min_count", 10)),
        one_day_types=frozenset(dating.get("one_day_types", [])),
        relative_times={w.lower(): (unit, int(step)) for w, unit, step in dating.get("relative_times", [])},
        prior_markers=frozenset(w.lower() for w in dating.get("prior_markers", [])),
        earlier_adverbs=frozenset(w.lower() for w in dating.get("earlier_adverbs", [])),
        other_event_words=frozenset(w.lower() for w in dating.get("other_event_words", [])),
        participants_other_words=frozenset(w.lower() for w in dating.get("participants_other_words", [])),
        since_preps=frozenset(w.lower() for w in dating.get("since_preps", [])),
        prior_units=frozenset(w.lower() for w in dating.get("prior_units", [])),
        prior_heads=frozenset(w.lower() for w in dating.get("prior_heads", [])),
        prior_types=frozenset(dating.get("prior_types", [])),
        occasion_nouns=frozenset(w.lower() for w in dating.get("occasion_nouns", [])),
        start_verbs=frozenset(w.lower() for w in dating.get("start_verbs", [])),
        offset_words=frozenset(w.lower() for w in dating.get("offset_words", [])),
        befall_preps=frozenset(w.lower() for w in dating.get("befall_preps", [])),
        projectile_classes=frozenset(weapons_data.get("projectiles", {}).get("classes", [])),
        firing_cues=frozenset(w.lower() for w in weapons_data.get("projectiles", {}).get("cues", [])),
        subjects=subjects,
        claims=claims,
        ner_patterns=load_ner_patterns(settings.data_path("ner_patterns.jsonl")),
        compatible_classes={k: frozenset(v) for k, v in weapons_data.get("compatible", {}).items()},
        locative_preps=frozenset(places_rules.get("locative_preps", [])),
        place_skippable=frozenset(places_rules.get("skippable", [])),
        paragraph_preps=frozenset(places_rules.get("paragraph_preps", [])),
        spanning_waters=frozenset(places_rules.get("spanning_waters", [])),
        test_sites=frozenset(places_rules.get("test_sites", [])),
        target_verbs=frozenset(places_rules.get("target_verbs", [])),
        origin_preps=frozenset(places_rules.get("origin_preps", [])),
        origin_types=frozenset(places_rules.get("origin_types", [])),
        exercises=PhraseIndex((f, tuple(e["conducted_by"])) for e in exercises_data.get("exercise", [])
                              for a in [e["name"], *e.get("aliases", [])] for f in noun_forms(a)),
        references=PhraseIndex((f, cls) for cls, words in weapons_data.get("references", {}).items()
                               for w in words for f in noun_forms(w)),
        conductor_preps=frozenset(p.lower() for p in conducting.get("participant_preps", [])),
        anaphoric_conductors=frozenset(a.lower() for a in conducting.get("anaphoric", [])),
        allied_anaphoric=frozenset(a.lower() for a in conducting.get("allied_anaphoric", [])),
        conductor_all_named=frozenset(conducting.get("all_named_types", [])),
        conductor_owner_types=frozenset(conducting.get("owner_types", [])),
        of_agent_nouns=frozenset(w.lower() for w in conducting.get("of_agent_nouns", [])),
        conductor_default=conducting.get("default", ""),
        conductor_default_types=frozenset(conducting.get("default_types", [])),
        conductor_default_alone=frozenset(conducting.get("default_alone_types", [])),
        pronoun_default_types=frozenset(conducting.get("pronoun_default_types", [])),
        conductor_clause_types=frozenset(conducting.get("clause_types", [])),
        meeting_types=frozenset(conducting.get("meeting_types", [])),
        guest_verbs=frozenset(f.lower() for v in conducting.get("guest_verbs", []) for f in verb_forms(v)),
        guest_types=frozenset(conducting.get("guest_types", [])),
        guest_company_preps=frozenset(w.lower() for w in conducting.get("guest_company_preps", [])),
        joint_meeting_words=frozenset(w.lower() for w in conducting.get("joint_meeting_words", [])),
        ratify_words=frozenset(w.lower() for w in conducting.get("ratify_words", [])),
        interdiction_kinds=frozenset(conducting.get("interdiction_kinds", [])),
        non_state_agents=frozenset(a.lower() for a in conducting.get("non_state", [])),
        control_verbs=frozenset(a.lower() for a in conducting.get("control_verbs", [])),
        help_verbs=frozenset(a.lower() for a in conducting.get("help_verbs", [])),
        help_nouns=frozenset(a.lower() for a in conducting.get("help_nouns", [])),
        help_types=frozenset(conducting.get("help_types", [])),
        response_cues=frozenset(a.lower() for a in conducting.get("response_cues", [])),
        mutual_cues=frozenset(a.lower() for a in conducting.get("mutual_cues", [])),
        ally_preps=frozenset(a.lower() for a in conducting.get("ally_preps", [])),
        non_agent_verbs=frozenset(a.lower() for a in conducting.get("non_agent_verbs", [])),
        side_preps=frozenset(a.lower() for a in conducting.get("side_preps", [])),
        receiver_verbs=frozenset(v.lower() for v in conducting.get("receiver_verbs", [])),
        receiver_types=frozenset(conducting.get("receiver_types", [])),
        topic_preps=frozenset(a.lower() for a in conducting.get("topic_preps", [])),
        topic_verbs=frozenset(a.lower() for a in conducting.get("topic_verbs", [])),
        not_topic_nouns=frozenset(f.lower() for w in conducting.get("not_topic_nouns", []) for f in noun_forms(w)),
        participant_verbs=frozenset(f.lower() for v in conducting.get("participant_verbs", []) for f in verb_forms(v)),
        conduct_verbs=frozenset(f.lower() for v in conducting.get("conduct_verbs", []) for f in verb_forms(v)),
        companion_verbs=frozenset(f.lower() for v in conducting.get("companion_verbs", []) for f in verb_forms(v)),
        joining_verbs=frozenset(f.lower() for v in conducting.get("joining_verbs", []) for f in verb_forms(v)),
        conduct_verb_types=frozenset(conducting.get("conduct_verb_types", [])),
        conductor_host_types=frozenset(conducting.get("host_types", [])),
        apposition_kinds=frozenset(conducting.get("apposition_kinds", [])),
        instance_preps=frozenset(conducting.get("instance_preps", [])),
        victim_kinds=frozenset(conducting.get("victim_kinds", [])),
        struck_kinds=frozenset(conducting.get("struck_kinds", [])),
        mutual_kinds=frozenset(conducting.get("mutual_kinds", [])),
        blame_verbs=frozenset(v.lower() for v in conducting.get("blame_verbs", [])),
        sided_types=frozenset(conducting.get("sided_types", [])),
        sentence_sided_types=frozenset(conducting.get("sentence_sided_types", [])),
        target_kinds=frozenset(conducting.get("target_kinds", [])),
        target_preps=frozenset(p.lower() for p in conducting.get("target_preps", [])),
        coalition=tuple(conducting.get("coalition", [])),
        coalition_kinds=frozenset(conducting.get("coalition_kinds", [])),
        strike_nouns=frozenset(w.lower() for w in conducting.get("strike_nouns", [])),
        loss_verbs=frozenset(w.lower() for w in conducting.get("loss_verbs", [])),
        border_sides=tuple(conducting.get("sides", [])),
        between_sides_types=frozenset(conducting.get("between_sides_types", [])),
        conductor_default_kinds=frozenset(conducting.get("default_kinds", [])),
        retypes=tuple(Retype(r["from"], frozenset(r.get("weapon_class", [])), tuple(r.get("requires", [])), r["type"],
                             r.get("kind"), frozenset(r.get("cues", []))) for r in cues_data.get("retype", [])),
        absorbs=tuple(Absorb(a["from"], frozenset(a["kinds"]), tuple(a.get("requires", [])), a["type"], a["kind"])
                      for a in cues_data.get("absorb", [])),
        enumeration={k: frozenset(w.lower() for w in v) for k, v in cues_data.get("enumeration", {}).items()},
        wrap_words=frozenset(w.lower() for w in _toml(settings.data_path("boilerplate.toml"))["headline"]["not_last"]),
        fingerprint=_fingerprint(Path(settings.data_dir)),
    )
    return lex
