"""The words that tie a place to an event: locative prepositions, frame nouns, and the verbs
whose objects are places, whose topics are not, or whose places are nearly always said.
``location`` weighs them; the lists are plain English and event-data knowledge.
"""

# Prepositions that put what follows them somewhere.
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "off", "around", "throughout", "within",
            "along", "on", "beyond", "onto", "behind", "past", "under", "nearby", "outskirts", "over",
            "above", "amid", "below"}
# "from" is left out: "captured the Golan from Syria" names where it came from, not where it happened.
MOTION = {"to", "into", "toward", "towards", "through", "via"}
# Nouns between a preposition and the name that keep it locative: "in the city of Sirte".
FRAME_NOUNS = {"city", "town", "village", "province", "region", "district", "governorate", "state",
               "area", "capital", "outskirts", "coast", "suburb", "suburbs", "border", "heart", "centre",
               "center", "north", "south", "east", "west", "part", "parts", "streets", "port",
               "neighbourhood", "neighborhood", "countryside", "camp", "county", "municipality",
               "vicinity", "side", "edge", "island", "north-east", "north-west", "south-east",
               "south-west", "northeast", "northwest", "southeast", "southwest"}
# Nouns for a part of a place that a name can qualify: "Venezuela's Portuguesa state".
AREA_NOUNS = FRAME_NOUNS | {"cities", "towns", "villages", "territory", "soil", "airspace", "waters",
                            "provinces", "regions", "districts", "countryside", "hills", "mountains"}
# Events whose direct object is where they happened ("stormed Kabul", "visited Paris").
OBJECT_IS_PLACE = {
    "visit", "enter", "invade", "attack", "bomb", "shell", "storm", "raid", "capture", "seize", "occupy",
    "hit", "strike", "besiege", "surround", "reach", "tour", "rock", "shake", "target", "liberate",
    "overrun", "retake", "recapture", "leave", "flee", "evacuate", "patrol", "cross", "pound",
    "bombard", "blockade", "control", "rule", "govern", "ravage", "sweep", "devastate",
}
# Meetings: where they happen counts, but a place in their object is their subject matter.
TOPIC = {"discuss", "talk", "negotiate", "debate", "consider", "review", "address", "examine", "study"}
# Violent and street events: where they happened is nearly always said, and near them.
VIOLENT = {
    "kill", "shoot", "wound", "injure", "bomb", "explode", "attack", "die", "fire", "clash", "fight",
    "protest", "demonstrate", "march", "rally", "arrest", "detonate", "blast", "ambush", "behead",
    "execute", "kidnap", "abduct", "massacre", "murder", "stab", "burn", "destroy", "damage", "riot",
}
# Verbs of saying: a place inside what they say is what was said about, not where.
SPEECH = {
    "say", "tell", "announce", "stress", "urge", "call", "warn", "accuse", "deny",
    "condemn", "criticize", "criticise", "reject", "demand", "praise", "welcome", "ask", "claim",
    "report", "state", "add", "declare", "insist", "express", "voice", "blame", "threaten", "vow",
    "pledge", "promise", "describe", "note", "quote", "cite", "confirm", "believe", "think",
}
ACTOR_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
# Nouns of people and forces: a country named as their adjective ("U.S. forces") is their nationality.
ACTOR_NOUNS = {
    "force", "forces", "troops", "troop", "army", "military", "soldier", "soldiers", "police", "official",
    "officials", "government", "authorities", "jet", "jets", "plane", "planes", "warplane", "warplanes",
    "aircraft", "helicopter", "helicopters", "drone", "drones", "navy", "coalition", "ambassador",
    "embassy", "president", "minister", "leader", "leaders", "officer", "officers", "militants",
    "fighters", "diplomat", "diplomats", "delegation", "envoy", "administration", "spokesman",
    "citizen", "citizens", "nationals", "company", "firm", "team", "media", "agency", "ministry",
    "consulate", "parliament", "lawmakers", "prime", "side", "people", "man", "woman", "men", "women",
}
# Forces of a town, which act in it: "Dallas police", "London firefighters".
LOCAL_FORCES = {"police", "policemen", "firefighters", "paramedics", "residents", "villagers"}
CLAUSE_DEPS = {"advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis", "conj"}

# Meetings and signings: held somewhere, often said where.
MEETING = {"meet", "talk", "summit", "conference", "hold", "host", "sign", "negotiate", "gather", "convene"}
# Prepositions that introduce what a meeting is about: "talks on", "a summit over".
ABOUT = {"on", "about", "over", "regarding", "concerning"}
# Verbs of going somewhere: their destination is where the visit, meeting or stay happens.
TRAVEL = {"arrive", "travel", "return", "fly", "go", "head", "come", "visit", "tour", "land", "reach",
          "move", "deploy", "send", "flee", "escape", "leave", "depart", "cross"}
