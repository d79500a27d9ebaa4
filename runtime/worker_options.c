/* worker_options.c - the options a worker runs with: its parent's, with
 * the nodus options of its execArgv applied on top (V8 flags and anything
 * unknown are left out: those act on the whole process). */
#include "worker.h"

#include <stdlib.h>
#include <string.h>

/* The table entry named `name` (or aliased so); *negated for --no-x. */
static int find_option(const char *name, size_t len, bool *negated) {
  *negated = false;
  for (int pass = 0; pass < 2; pass++) {
    for (int i = 0; i < ND_OPTION_COUNT; i++) {
      const nd_option_info *o = &nd_option_table[i];
      if ((strlen(o->name) == len && strncmp(o->name, name, len) == 0) ||
          (o->alias != NULL && strlen(o->alias) == len &&
           strncmp(o->alias, name, len) == 0))
        return i;
    }
    /* --no-x negates the boolean --x. */
    if (pass == 0 && len > 5 && strncmp(name, "--no-", 5) == 0) {
      static const char dashes[] = "--";
      char *plain = malloc(len - 2);
      memcpy(plain, dashes, 2);
      memcpy(plain + 2, name + 5, len - 5);
      plain[len - 3] = '\0';
      int id = -1;
      for (int i = 0; i < ND_OPTION_COUNT && id < 0; i++)
        if (strcmp(nd_option_table[i].name, plain) == 0 &&
            nd_option_table[i].type == ND_OPT_BOOL)
          id = i;
      free(plain);
      if (id >= 0) {
        *negated = true;
        return id;
      }
      break;
    }
  }
  return -1;
}

/* Appends `value` to a list option (the parent's list is shared, so a
 * new one is made). */
static void list_append(nd_option_value *v, const char *value) {
  const char **list = calloc(v->list_len + 2, sizeof(*list));
  if (list == NULL) return;
  for (int k = 0; k < v->list_len; k++) list[k] = v->list[k];
  list[v->list_len] = strdup(value);
  v->list = list;
  v->list_len++;
}

nd_options_t *nd_worker_options(const nd_options_t *parent, int argc,
                                char **argv) {
  nd_options_t *opts = malloc(sizeof(*opts));
  if (opts == NULL) return NULL;
  *opts = *parent;
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp(arg, "--") == 0) break;
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    bool negated;
    int id = find_option(arg, len, &negated);
    if (id < 0) continue;
    nd_option_value *v = &opts->values[id];
    const char *value = eq ? eq + 1 : NULL;
    switch (nd_option_table[id].type) {
      case ND_OPT_BOOL:
        v->b = !negated;
        v->set = true;
        break;
      case ND_OPT_STRING:
      case ND_OPT_LIST:
      case ND_OPT_INT:
        if (value == NULL && i + 1 < argc) value = argv[++i];
        if (value == NULL) break;
        v->set = true;
        if (nd_option_table[id].type == ND_OPT_STRING)
          v->s = strdup(value);
        else if (nd_option_table[id].type == ND_OPT_LIST)
          list_append(v, value);
        else
          v->i = strtoll(value, NULL, 10);
        break;
      case ND_OPT_UNSUPPORTED:
        break;
    }
  }
  return opts;
}
