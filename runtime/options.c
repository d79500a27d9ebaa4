/* options.c - parses nodus's command line and NODE_OPTIONS the way Node 18
 * does: options, then the script, then the script's own arguments. */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

const nd_option_info nd_option_table[ND_OPTION_COUNT] = {
#define ND_OPTION_INFO(id, type, name, alias, def) {name, alias, type, def},
  ND_OPTIONS(ND_OPTION_INFO)
#undef ND_OPTION_INFO
};

/* Returns a copy of `arg` with '_' turned into '-' in the name part (Node
 * accepts --stack_trace_limit for --stack-trace-limit). */
static char *normalize_name(const char *arg) {
  char *s = strdup(arg);
  for (char *p = s + 2; *p && *p != '='; p++)
    if (*p == '_') *p = '-';
  return s;
}

static int find_option(const char *name, size_t len, bool *negated) {
  *negated = false;
  for (int pass = 0; pass < 2; pass++) {
    const char *n = name;
    size_t l = len;
    if (pass == 1) {
      if (len <= 5 || strncmp(name, "--no-", 5) != 0) break;
      n = name + 5;
      l = len - 5;
    }
    for (int i = 0; i < ND_OPTION_COUNT; i++) {
      const nd_option_info *o = &nd_option_table[i];
      bool match =
          (pass == 0 || o->type == ND_OPT_BOOL) &&
          ((pass == 0 && strlen(o->name) == l && memcmp(o->name, n, l) == 0) ||
           (pass == 1 && strlen(o->name) == l + 2 &&
            memcmp(o->name + 2, n, l) == 0) ||
           (pass == 0 && o->alias && strlen(o->alias) == l &&
            memcmp(o->alias, n, l) == 0));
      if (match) {
        *negated = pass == 1;
        return i;
      }
    }
  }
  return -1;
}

static void list_push(nd_option_value *v, const char *s) {
  v->list = realloc(v->list, sizeof(char *) * (v->list_len + 2));
  v->list[v->list_len++] = s;
  v->list[v->list_len] = NULL;
}

static void append_v8_flag(nd_options_t *opts, const char *flag) {
  size_t old = opts->v8_flags ? strlen(opts->v8_flags) : 0;
  size_t add = strlen(flag);
  opts->v8_flags = realloc(opts->v8_flags, old + add + 2);
  if (old) opts->v8_flags[old++] = ' ';
  memcpy(opts->v8_flags + old, flag, add + 1);
}

static int bad_option(const char *arg) {
  fprintf(stderr, "nodus: bad option: %s\n", arg);
  return 9;
}

/* Parses options from args[*i]; advances *i past any value it takes.
 * Returns 0, or 9 after printing why. */
static int parse_one(nd_options_t *opts, char **args, int n, int *i) {
  const char *raw = args[*i];
  char *arg = normalize_name(raw);
  const char *eq = strchr(arg, '=');
  size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);

  /* Combined short flags: -pe CODE. */
  if (strcmp(arg, "-pe") == 0 || strcmp(arg, "-ep") == 0) {
    opts->values[ND_OPTION_PRINT].b = opts->values[ND_OPTION_PRINT].set = true;
    free(arg);
    arg = strdup("-e");
    eq = NULL;
    name_len = 2;
  }
  bool negated;
  int id = find_option(arg, name_len, &negated);
  if (id < 0) {
    /* Not ours: perhaps a V8 flag (checked later by V8 itself). */
    if (arg[0] == '-' && arg[1] == '-') {
      append_v8_flag(opts, arg);
      free(arg);
      return 0;
    }
    int rc = bad_option(raw);
    free(arg);
    return rc;
  }
  const nd_option_info *info = &nd_option_table[id];
  nd_option_value *v = &opts->values[id];
  const char *value = eq ? eq + 1 : NULL;
  switch (info->type) {
    case ND_OPT_UNSUPPORTED:
      fprintf(stderr, "nodus: %s is not supported yet\n", info->name);
      free(arg);
      return 9;
    case ND_OPT_BOOL:
      if (value != NULL) {
        free(arg);
        return bad_option(raw);
      }
      v->set = true;
      v->b = !negated;
      /* -p takes its script like -e; "-p" alone prints the eval of -e. */
      if (id == ND_OPTION_PRINT && *i + 1 < n && args[*i + 1][0] != '-') {
        opts->values[ND_OPTION_EVAL].set = true;
        opts->values[ND_OPTION_EVAL].s = args[++*i];
      }
      break;
    default:
      if (value == NULL) {
        if (*i + 1 >= n) {
          fprintf(stderr, "nodus: %s requires an argument\n", raw);
          free(arg);
          return 9;
        }
        value = args[++*i];
      } else {
        value = strdup(value);
      }
      v->set = true;
      if (info->type == ND_OPT_LIST)
        list_push(v, value);
      else if (info->type == ND_OPT_INT)
        v->i = strtoll(value, NULL, 10);
      else
        v->s = value;
      break;
  }
  free(arg);
  return 0;
}

/* Splits NODE_OPTIONS on spaces, honouring double quotes and backslashes. */
static char **split_node_options(const char *s, int *count) {
  char **out = NULL;
  int n = 0;
  while (*s) {
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    if (!*s) break;
    char *tok = malloc(strlen(s) + 1);
    size_t len = 0;
    bool quoted = false;
    for (; *s && (quoted || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
      if (*s == '"') {
        quoted = !quoted;
      } else if (*s == '\\' && quoted && s[1]) {
        tok[len++] = *++s;
      } else {
        tok[len++] = *s;
      }
    }
    tok[len] = '\0';
    out = realloc(out, sizeof(char *) * (n + 1));
    out[n++] = tok;
  }
  *count = n;
  return out;
}

int nd_options_parse(int argc, char **argv, nd_options_t *opts) {
  memset(opts, 0, sizeof(*opts));
  opts->argc = argc;
  opts->argv = argv;
  for (int i = 0; i < ND_OPTION_COUNT; i++) {
    opts->values[i].b = nd_option_table[i].bool_default != 0;
    if (nd_option_table[i].type == ND_OPT_INT)
      opts->values[i].i = nd_option_table[i].bool_default;
  }

  const char *env = getenv("NODE_OPTIONS");
  if (env != NULL && *env) {
    int n;
    char **toks = split_node_options(env, &n);
    for (int i = 0; i < n; i++) {
      if (toks[i][0] != '-') {
        fprintf(stderr, "nodus: %s is not allowed in NODE_OPTIONS\n", toks[i]);
        return 9;
      }
      int rc = parse_one(opts, toks, n, &i);
      if (rc) return rc;
    }
  }

  opts->exec_argv = calloc(argc + 1, sizeof(char *));
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      opts->exec_argv[opts->exec_argc++] = argv[i];
      i++;
      break;
    }
    if (strcmp(a, "-") == 0) {
      opts->use_stdin = true;
      i++;
      break;
    }
    if (a[0] != '-' || a[1] == '\0') break;
    int start = i;
    int rc = parse_one(opts, argv, argc, &i);
    if (rc) return rc;
    for (int j = start; j <= i; j++) opts->exec_argv[opts->exec_argc++] = argv[j];
  }

  /* V8's turn: it removes the flags it knows; anything left is bad. */
  if (opts->v8_flags != NULL) {
    int n;
    char **toks = split_node_options(opts->v8_flags, &n);
    char **vargv = calloc(n + 2, sizeof(char *));
    vargv[0] = argv[0];
    for (int k = 0; k < n; k++) vargv[k + 1] = toks[k];
    int vargc = n + 1;
    nd_engine_filter_v8_flags(&vargc, vargv);
    if (vargc > 1) return bad_option(vargv[1]);
  }

  /* --security-revert names a fix to undo; only Node 18.20's own CVEs are
   * known (both concern code paths nodus does not have on Linux). */
  const nd_option_value *revert = &opts->values[ND_OPTION_SECURITY_REVERT];
  for (int k = 0; k < revert->list_len; k++) {
    if (strcmp(revert->list[k], "CVE-2023-46809") != 0 &&
        strcmp(revert->list[k], "CVE-2024-27980") != 0) {
      fprintf(stderr, "%s: Error: Attempt to revert an unknown CVE [%s]\n",
              argv[0], revert->list[k]);
      return 12;
    }
  }

  /* --test runs the test runner: it excludes the other ways to run code. */
  if (opts->values[ND_OPTION_TEST].b) {
    static const struct {
      nd_option_id id;
      const char *name;
    } conflicts[] = {
        {ND_OPTION_CHECK, "--check"},
        {ND_OPTION_EVAL, "--eval"},
        {ND_OPTION_PRINT, "--eval"},
        {ND_OPTION_INTERACTIVE, "--interactive"},
    };
    for (size_t k = 0; k < sizeof(conflicts) / sizeof(conflicts[0]); k++) {
      const nd_option_value *v = &opts->values[conflicts[k].id];
      if (v->set && (v->b || v->s != NULL)) {
        fprintf(stderr, "%s: either --test or %s can be used, not both\n",
                argv[0], conflicts[k].name);
        return 9;
      }
    }
  }

  bool has_eval = opts->values[ND_OPTION_EVAL].set;
  if (i < argc && !has_eval && !opts->use_stdin) {
    opts->script = argv[i++];
  }
  opts->script_argv = argv + i;
  opts->script_argc = argc - i;
  return 0;
}
