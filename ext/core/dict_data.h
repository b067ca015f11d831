/*
 * Entry tables of the actor and source dictionaries (data/actors.tsv,
 * data/sources.tsv), generated at build time into $(OBJ)/gen/dict_data.c by ext/tools/gen_dict.c.
 * The kind column says what a phrase does for the matcher; see data/actors.md.
 */
#ifndef CONFLICT_DICT_DATA_H
#define CONFLICT_DICT_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "phrase_dict.h"

/* types (SPEC vocabularies of actors and sources), in this order */
enum {
    DT_NONE = 0,
    DT_STATE_FORCES, DT_REBELS, DT_JIHADISTS, DT_MILITIA, DT_FOREIGN_FORCES, DT_POLITICAL,
    DT_CIVILIANS, DT_OTHER,
    DT_NGO, DT_AGENCY, DT_GOVERNMENT, DT_MILITARY, DT_UN, DT_MEDIA, DT_UNNAMED,
    DT_NTYPES
};
#define CONFLICT_DICT_TYPES                                                                \
    "", "state_forces", "rebels", "jihadists", "militia", "foreign_forces", "political",   \
        "civilians", "other", "ngo", "agency", "government", "military", "un", "media",     \
        "unnamed"

/* kinds: what an entry does */
enum {
    DK_NAMED = 0, /* a named actor or source: reported as is */
    DK_FORCE,     /* generic force noun (armée, forces, jets): takes a nationality next to it */
    DK_GENERIC,   /* generic group noun (rebelles, jihadists): takes the name of a named group of its type */
    DK_ATTACKER,  /* attackers, gunmen, insurgés: take the main named armed group, else own type */
    DK_METONYM,   /* a capital standing for its government (Damas): needs a context */
    DK_NAT,       /* nationality adjective or demonym (russe, Malian): gives a country */
    DK_COUNTRY,   /* country name: gives a country, not reported */
    DK_EVENT,     /* noun after which a modifier is an adjective ("regime airstrikes") */
    DK_NOTACTOR,  /* phrase that blocks a shorter match inside it ("Armée de libération" place names) */
    DK_ORGCTX,    /* source name reported only in an attribution context ("Sana") */
    DK_HEAD,      /* generic source noun (habitant, official): needs an attribution context */
    DK_SOURCE,    /* "source(s)": always a source; modifiers give the type */
    DK_MOD,       /* modifier of "source(s)" (sécuritaire, local) giving the type */
    DK_NEG,       /* modifier that cancels a source (indépendante, même) */
    DK_VERB,      /* reporting verb (a indiqué, said, told) */
    DK_PREP,      /* attribution preposition (selon, according to, citing) */
    DK_CREDIT,    /* photo credit marker: names after it on the line are skipped */
    DK_NKINDS
};
#define CONFLICT_DICT_KINDS                                                                 \
    "named", "force", "generic", "attacker", "metonym", "nat", "country", "event",          \
        "notactor", "orgctx", "head", "source", "mod", "neg", "verb", "prep", "credit"

typedef struct {
    const char *name;
    const char *country; /* "" when none */
    /* the other countries a named armed group fights in ("CM,NE,TD" for Boko
     * Haram), "" when none: such a group is no evidence of a text's country */
    const char *also;
    uint8_t type;
    uint8_t kind;
} conflict_dict_entry;

extern const conflict_pd conflict_actors_pd;
extern const conflict_dict_entry conflict_actors_entries[];
extern const size_t conflict_actors_nentries;
extern const conflict_pd conflict_sources_pd;
extern const conflict_dict_entry conflict_sources_entries[];
extern const size_t conflict_sources_nentries;

/* user actors (actors_user.c, include/conflict_actors.h): the overlay as a
 * phrase dictionary (NULL until built) and its entries (kind DK_NAMED) */
struct conflict_user_actors;
const conflict_pd *conflict_user_actors_pd(const struct conflict_user_actors *u);
const conflict_dict_entry *conflict_user_actors_entries(const struct conflict_user_actors *u);

#endif
