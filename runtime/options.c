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

/* One pass over a list of arguments. */
typedef struct {
  nd_options_t *opts;
  const char *argv0;  /* for messages, as Node prints its own argv[0] */
  bool from_env;      /* the list is NODE_OPTIONS */
} parser;

/* nodus options Node refuses in NODE_OPTIONS (by canonical name). */
static const char *const kEnvDenied[] = {
    "--build-snapshot", "--check", "--cpu-prof", "--eval",
    "--experimental-test-coverage", "--expose-internals", "--heap-prof",
    "--help", "--interactive", "--print", "--prof", "--security-revert",
    "--test", "--test-concurrency", "--test-name-pattern",
    "--test-udp-no-try-send", "--v8-options", "--version", NULL,
};

/* The V8 options Node accepts in NODE_OPTIONS. */
static const char *const kEnvV8Options[] = {
    "--disallow-code-generation-from-strings", "--enable-etw-stack-walking",
    "--huge-max-old-generation-size", "--interpreted-frames-native-stack",
    "--jitless", "--max-old-space-size", "--max-semi-space-size",
    "--perf-basic-prof", "--perf-basic-prof-only-functions", "--perf-prof",
    "--perf-prof-unwinding-info", "--stack-trace-limit", NULL,
};

/* Node options allowed in NODE_OPTIONS that nodus does not have: they
 * are bad options (as on the command line), not forbidden ones. */
static const char *const kEnvMissing[] = {
    "--debug-arraybuffer-allocations", "--debug-port", "--diagnostic-dir",
    "--experimental-wasi-unstable-preview1",
    "--heapsnapshot-near-heap-limit", "--heapsnapshot-signal", "--http-parser",
    "--inspect-port", "--inspect-publish-uid", "--node-memory-debug",
    "--node-snapshot", "--policy-integrity", "--report-compact",
    "--report-dir", "--report-directory", "--report-filename",
    "--report-on-fatalerror", "--report-on-signal", "--report-signal",
    "--report-uncaught-exception", "--trace-atomics-wait", "--use-largepages",
    "--verify-base-objects", "--watch-path", "--watch-preserve-output", NULL,
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
  opts->v8_argv = realloc(opts->v8_argv, sizeof(char *) * (opts->v8_argc + 1));
  opts->v8_argv[opts->v8_argc++] = strdup(flag);
}

/* Whether `name` (normalized, without any "=value") is in `list`. */
static bool name_in(const char *const *list, const char *name, size_t len) {
  for (; *list != NULL; list++)
    if (strlen(*list) == len && memcmp(*list, name, len) == 0) return true;
  return false;
}

/* Whether option `id` is refused in NODE_OPTIONS. */
static bool env_denied(int id) {
  const char *name = nd_option_table[id].name;
  return name_in(kEnvDenied, name, strlen(name));
}

/* Whether name (or the x of --no-x) is in kEnvMissing. */
static bool is_missing_node_option(const char *name, size_t len) {
  if (name_in(kEnvMissing, name, len)) return true;
  if (len <= 5 || strncmp(name, "--no-", 5) != 0) return false;
  char *plain = strndup(name + 3, len - 3);
  plain[0] = plain[1] = '-';
  bool found = name_in(kEnvMissing, plain, len - 3);
  free(plain);
  return found;
}

static int bad_option(const parser *p, const char *arg) {
  fprintf(stderr, "%s: bad option: %s\n", p->argv0, arg);
  return 9;
}

/* "X is not allowed in NODE_OPTIONS": X is the raw option up to and
 * including any '=' of a "--name=value" (Node's wording). */
static int not_allowed(const parser *p, const char *raw) {
  const char *eq = raw[1] == '-' ? strchr(raw, '=') : NULL;
  int len = eq ? (int)(eq - raw + 1) : (int)strlen(raw);
  fprintf(stderr, "%s: %.*s is not allowed in NODE_OPTIONS\n", p->argv0, len,
          raw);
  return 9;
}

static int requires_argument(const parser *p, const char *raw) {
  fprintf(stderr, "%s: %s requires an argument\n", p->argv0, raw);
  return 9;
}

/* Parses options from args[*i]; advances *i past any value it takes.
 * Returns 0, or 9 after printing why. */
static int parse_one(const parser *p, char **args, int n, int *i) {
  nd_options_t *opts = p->opts;
  const char *raw = args[*i];
  char *arg = normalize_name(raw);
  /* Only "--name=value" has a value after '='; "-r=x" is a name. */
  const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
  size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
  int rc = 0;

  /* Combined short flags: -pe CODE. */
  if (strcmp(arg, "-pe") == 0 || strcmp(arg, "-ep") == 0) {
    if (p->from_env) {
      rc = not_allowed(p, raw);
      goto done;
    }
    opts->values[ND_OPTION_PRINT].b = opts->values[ND_OPTION_PRINT].set = true;
    free(arg);
    arg = strdup("-e");
    eq = NULL;
    name_len = 2;
  }
  bool negated;
  int id = find_option(arg, name_len, &negated);
  if (id < 0) {
    /* --no-x of an option that takes a value. */
    if (name_len > 5 && strncmp(arg, "--no-", 5) == 0) {
      char *plain = strndup(arg + 3, name_len - 3);
      plain[0] = plain[1] = '-';
      bool neg;
      int other = find_option(plain, strlen(plain), &neg);
      free(plain);
      if (other >= 0 && !(p->from_env && env_denied(other))) {
        fprintf(stderr,
                "%s: %s is an invalid negation because it is not a boolean "
                "option\n",
                p->argv0, raw);
        rc = 9;
        goto done;
      }
    }
    if (p->from_env) {
      /* Only a few V8 options may come from the environment. */
      if (name_in(kEnvV8Options, arg, name_len))
        append_v8_flag(opts, arg);
      else if (is_missing_node_option(arg, name_len))
        rc = bad_option(p, raw);
      else
        rc = not_allowed(p, raw);
      goto done;
    }
    /* Not ours: perhaps a V8 flag (checked later by V8 itself). */
    if (arg[0] == '-' && arg[1] == '-')
      append_v8_flag(opts, arg);
    else
      rc = bad_option(p, raw);
    goto done;
  }
  const nd_option_info *info = &nd_option_table[id];
  nd_option_value *v = &opts->values[id];
  if (p->from_env && env_denied(id)) {
    rc = not_allowed(p, raw);
    goto done;
  }
  const char *value = eq ? eq + 1 : NULL;
  switch (info->type) {
    case ND_OPT_UNSUPPORTED:
      fprintf(stderr, "%s: %s is not supported yet\n", p->argv0, info->name);
      rc = 9;
      break;
    case ND_OPT_BOOL:
      /* Node ignores a value given to a boolean: --warnings=false is
       * --warnings. */
      v->set = true;
      v->b = !negated;
      /* -p takes its script like -e; "-p" alone prints the eval of -e. */
      if (id == ND_OPTION_PRINT && *i + 1 < n && args[*i + 1][0] != '-') {
        const char *code = args[++*i];
        if (code[0] == '\\' && code[1] == '-') code++;
        opts->values[ND_OPTION_EVAL].set = true;
        opts->values[ND_OPTION_EVAL].s = code;
      }
      break;
    default:
      if (value == NULL) {
        if (*i + 1 >= n) {
          rc = requires_argument(p, raw);
          break;
        }
        value = args[++*i];
        /* "\-42" is the value "-42", not an option. */
        if (value[0] == '\\' && value[1] == '-') value++;
      } else if (*value == '\0') {
        rc = requires_argument(p, raw);
        break;
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
done:
  free(arg);
  return rc;
}

/* Splits NODE_OPTIONS on spaces into *out (count in *count): double quotes
 * group, and inside them a backslash takes the next character as is.
 * Returns 0, or -1 for an unterminated string. */
static int split_node_options(const char *s, char ***out, int *count) {
  char **toks = NULL;
  int n = 0;
  while (*s) {
    while (*s == ' ') s++;
    if (!*s) break;
    char *tok = malloc(strlen(s) + 1);
    size_t len = 0;
    bool quoted = false;
    for (; *s && (quoted || *s != ' '); s++) {
      if (*s == '"') {
        quoted = !quoted;
      } else if (*s == '\\' && quoted && s[1]) {
        tok[len++] = *++s;
      } else {
        tok[len++] = *s;
      }
    }
    if (quoted) {
      free(tok);
      for (int k = 0; k < n; k++) free(toks[k]);
      free(toks);
      return -1;
    }
    tok[len] = '\0';
    if (len == 0) { /* "" adds nothing */
      free(tok);
      continue;
    }
    toks = realloc(toks, sizeof(char *) * (n + 1));
    toks[n++] = tok;
  }
  *out = toks;
  *count = n;
  return 0;
}

/* Parses NODE_OPTIONS (when set) into opts: options up to the first
 * operand (the rest is ignored, as Node does). Returns 0 or an exit code. */
static int parse_env(nd_options_t *opts, const char *argv0) {
  const char *env = getenv("NODE_OPTIONS");
  if (env == NULL || *env == '\0') return 0;
  parser p = {opts, argv0, true};
  int n;
  char **toks;
  if (split_node_options(env, &toks, &n) != 0) {
    fprintf(stderr, "%s: invalid value for NODE_OPTIONS (unterminated "
            "string)\n", argv0);
    return 9;
  }
  for (int i = 0; i < n; i++) {
    if (strcmp(toks[i], "--") == 0) return not_allowed(&p, toks[i]);
    if (toks[i][0] != '-' || toks[i][1] == '\0') break;
    int rc = parse_one(&p, toks, n, &i);
    if (rc) return rc;
  }
  return 0;
}

/* Checks the values Node checks once all options are in. Returns 0, or
 * the exit code after printing why. */
static int check_values(nd_options_t *opts, const char *argv0) {
  const char *proto = opts->values[ND_OPTION_DISABLE_PROTO].s;
  if (proto != NULL && strcmp(proto, "delete") != 0 &&
      strcmp(proto, "throw") != 0) {
    fprintf(stderr, "%s: invalid mode passed to --disable-proto\n", argv0);
    return 12;
  }
  static const struct {
    nd_option_id id;
    const char *name;
  } pow2[] = {
      {ND_OPTION_SECURE_HEAP, "--secure-heap"},
      {ND_OPTION_SECURE_HEAP_MIN, "--secure-heap-min"},
  };
  int rc = 0;
  for (size_t k = 0; k < sizeof(pow2) / sizeof(pow2[0]); k++) {
    int64_t v = opts->values[pow2[k].id].i;
    if (opts->values[pow2[k].id].set && (v & (v - 1)) != 0) {
      fprintf(stderr, "%s: %s must be a power of 2\n", argv0, pow2[k].name);
      rc = 9;
    }
  }
  return rc;
}

/* The trace-event options are accepted (Node allows them anywhere) but
 * nodus records no trace events: say so once instead of pretending. */
static void warn_unsupported(const nd_options_t *opts, const char *argv0) {
  if (opts->values[ND_OPTION_TRACE_EVENT_CATEGORIES].set ||
      opts->values[ND_OPTION_TRACE_EVENTS_ENABLED].b)
    fprintf(stderr, "%s: warning: trace events are not supported; "
            "--trace-event-categories has no effect\n", argv0);
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

  int rc = parse_env(opts, argv[0]);
  if (rc) return rc;

  parser cmdline = {opts, argv[0], false};
  opts->exec_argv = calloc(argc + 1, sizeof(char *));
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    /* "--" ends the options; it is not part of process.execArgv. */
    if (strcmp(a, "--") == 0) {
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
    rc = parse_one(&cmdline, argv, argc, &i);
    if (rc) return rc;
    for (int j = start; j <= i; j++)
      opts->exec_argv[opts->exec_argc++] = argv[j];
  }

  /* V8's turn: it removes the flags it knows; anything left is bad. */
  if (opts->v8_argc > 0) {
    char **vargv = calloc(opts->v8_argc + 2, sizeof(char *));
    vargv[0] = argv[0];
    for (int k = 0; k < opts->v8_argc; k++) vargv[k + 1] = opts->v8_argv[k];
    int vargc = opts->v8_argc + 1;
    nd_engine_filter_v8_flags(&vargc, vargv);
    if (vargc > 1) return bad_option(&cmdline, vargv[1]);
    free(vargv);
  }

  rc = check_values(opts, argv[0]);
  if (rc) return rc;
  warn_unsupported(opts, argv[0]);

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

  /* --check checks a file: code given with -e/-p cannot be checked. */
  if (opts->values[ND_OPTION_CHECK].b && opts->values[ND_OPTION_EVAL].set) {
    fprintf(stderr, "%s: either --check or --eval can be used, not both\n",
            argv[0]);
    return 9;
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
