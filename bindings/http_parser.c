/* http_parser.c - internalBinding('http_parser'): HTTPParser, an HTTP/1.x
 * request/response parser over llhttp that reports to JS callbacks stored
 * on the parser object under small integer keys (kOnHeadersComplete, ...).
 *
 * JS contract (lib/_http_common.js is the user):
 *   p = new HTTPParser()
 *   p.initialize(type, resource, maxHeaderSize, lenientFlags)
 *   p.execute(buffer) -> bytes parsed, or an Error (code 'HPE_*', reason,
 *                        bytesParsed); throws what a callback threw
 *   p.finish()        -> undefined or an Error (end of input)
 *   p.pause() p.resume() p.close() p.free() p.remove()
 *   p.getCurrentBuffer() -> a copy of the buffer being parsed
 *   p.consume(handle)    the parser reads a TCP/Pipe handle itself: each
 *                        chunk is parsed in C (no Buffer, no JS onread) and
 *                        p[kOnExecute](bytes parsed or Error) follows;
 *                        EOF and read errors still go to handle.onread
 *   p.unconsume()        reads go back to handle.onread
 * Callbacks (`this` is the parser):
 *   p[kOnHeaders](headers, url)              trailers ([name, value, ...])
 *   p[kOnHeadersComplete](versionMajor, versionMinor, headers, method, url,
 *       statusCode, statusMessage, upgrade, shouldKeepAlive)
 *       -> 1 to skip the body (responses to HEAD), 2 for an upgrade
 *   p[kOnMessageBegin]()  p[kOnBody](buffer)   p[kOnMessageComplete]()
 * Header names and values become one-byte (latin1) strings; values lose
 * their trailing spaces and tabs. A message whose start line and headers
 * together reach maxHeaderSize bytes fails with HPE_HEADER_OVERFLOW. */
#include <stdlib.h>
#include <string.h>

#include <llhttp.h>

#include "bindings.h"
#include "loop.h"
#include "napi_util.h"
#include "stream_wrap.h"

enum {
  K_ON_MESSAGE_BEGIN = 0,
  K_ON_HEADERS = 1,
  K_ON_HEADERS_COMPLETE = 2,
  K_ON_BODY = 3,
  K_ON_MESSAGE_COMPLETE = 4,
  K_ON_EXECUTE = 5,
  K_ON_TIMEOUT = 6,
};

#define DEFAULT_MAX_HEADER_SIZE (16 * 1024)
#define OVERFLOW_REASON "HPE_HEADER_OVERFLOW:Header overflow"
#define MAX_CHUNK_EXTENSIONS_SIZE (16 * 1024)
#define EXT_OVERFLOW_REASON \
  "HPE_CHUNK_EXTENSIONS_OVERFLOW:Chunk extensions overflow"

/* A slice of parser_t.text. */
typedef struct {
  uint32_t off;
  uint32_t len;
} span_t;

typedef struct {
  llhttp_t ll;
  napi_env env;
  napi_value self;      /* valid during execute()/finish() only */
  const char *cur_data; /* the bytes execute() or a consumed read parses */
  size_t cur_len;
  /* consume(): the stream read from, and this parser's JS object kept
   * alive (strongly) for as long as it reads. */
  nd_stream_consumer_t consumer;
  nd_stream_wrap_t *stream;
  napi_ref consumer_self;
  /* The text of the current start line and header block. */
  char *text;
  size_t text_len, text_cap;
  span_t url, status;
  span_t *fields; /* fields[2*i] name, fields[2*i+1] value */
  size_t nfields, fields_cap;
  int last; /* 0 none, 1 field, 2 value: which piece grew last */
  uint64_t header_nread;
  uint64_t max_header_size;
  uint64_t chunk_ext_nread;
  bool got_exception;
  bool headers_done;
  bool js_upgrade; /* kOnHeadersComplete returned 2 for this message */
  bool top_level;  /* parsing a consumed read: callbacks are loop entries */
} parser_t;

static int on_message_begin(llhttp_t *ll);
static int call_slot(parser_t *p, uint32_t key, size_t argc,
                     const napi_value *argv, napi_value *result);
static int on_url(llhttp_t *ll, const char *at, size_t len);
static int on_status(llhttp_t *ll, const char *at, size_t len);
static int on_header_field(llhttp_t *ll, const char *at, size_t len);
static int on_header_value(llhttp_t *ll, const char *at, size_t len);
static int on_headers_complete(llhttp_t *ll);
static int on_body(llhttp_t *ll, const char *at, size_t len);
static int on_chunk_extension(llhttp_t *ll, const char *at, size_t len);
static int on_chunk_header(llhttp_t *ll);
static int on_message_complete(llhttp_t *ll);

static const llhttp_settings_t parser_settings = {
    .on_message_begin = on_message_begin,
    .on_url = on_url,
    .on_status = on_status,
    .on_header_field = on_header_field,
    .on_header_value = on_header_value,
    .on_headers_complete = on_headers_complete,
    .on_body = on_body,
    .on_chunk_extension_name = on_chunk_extension,
    .on_chunk_extension_value = on_chunk_extension,
    .on_chunk_header = on_chunk_header,
    .on_message_complete = on_message_complete,
};

static const char *const method_names[] = {
#define XX(num, name, string) #string,
    HTTP_METHOD_MAP(XX)
#undef XX
};

static const char *const all_method_names[] = {
#define XX(num, name, string) #string,
    HTTP_ALL_METHOD_MAP(XX)
#undef XX
};

/* Forgets the start line and headers collected so far. */
static void reset_message(parser_t *p) {
  p->text_len = 0;
  p->url.off = p->url.len = 0;
  p->status.off = p->status.len = 0;
  p->nfields = 0;
  p->last = 0;
}

/* Appends bytes to the text; -1 when out of memory. */
static int append_text(parser_t *p, const char *at, size_t len) {
  if (p->text_len + len > p->text_cap) {
    size_t cap = p->text_cap ? p->text_cap : 1024;
    while (cap < p->text_len + len)
      cap *= 2;
    char *t = realloc(p->text, cap);
    if (t == NULL)
      return -1;
    p->text = t;
    p->text_cap = cap;
  }
  memcpy(p->text + p->text_len, at, len);
  p->text_len += len;
  return 0;
}

/* Appends to span `s`, which must be the last span of the text (or empty,
 * then it starts at the end). */
static int grow_span(parser_t *p, span_t *s, const char *at, size_t len) {
  if (s->len == 0)
    s->off = (uint32_t)p->text_len;
  if (append_text(p, at, len) != 0)
    return -1;
  s->len += (uint32_t)len;
  return 0;
}

/* Counts header bytes; HPE_USER (with the overflow reason) past the
 * limit. */
static int track_header(parser_t *p, size_t len) {
  p->header_nread += len;
  if (p->header_nread >= p->max_header_size) {
    llhttp_set_error_reason(&p->ll, OVERFLOW_REASON);
    return HPE_USER;
  }
  return 0;
}

static int on_message_begin(llhttp_t *ll) {
  parser_t *p = ll->data;
  reset_message(p);
  p->header_nread = 0;
  p->chunk_ext_nread = 0;
  p->headers_done = false;
  if (call_slot(p, K_ON_MESSAGE_BEGIN, 0, NULL, NULL) < 0)
    return -1;
  return 0;
}

/* Chunk extensions are skipped, but only up to a limit per chunk. */
static int on_chunk_header(llhttp_t *ll) {
  ((parser_t *)ll->data)->chunk_ext_nread = 0;
  return 0;
}

static int on_chunk_extension(llhttp_t *ll, const char *at, size_t len) {
  parser_t *p = ll->data;
  p->chunk_ext_nread += len;
  if (p->chunk_ext_nread > MAX_CHUNK_EXTENSIONS_SIZE) {
    llhttp_set_error_reason(&p->ll, EXT_OVERFLOW_REASON);
    return HPE_USER;
  }
  return 0;
}

static int on_url(llhttp_t *ll, const char *at, size_t len) {
  parser_t *p = ll->data;
  int rc = track_header(p, len);
  if (rc != 0)
    return rc;
  return grow_span(p, &p->url, at, len);
}

static int on_status(llhttp_t *ll, const char *at, size_t len) {
  parser_t *p = ll->data;
  int rc = track_header(p, len);
  if (rc != 0)
    return rc;
  return grow_span(p, &p->status, at, len);
}

/* Starts a new name/value pair. */
static int new_field(parser_t *p) {
  if (2 * (p->nfields + 1) > p->fields_cap) {
    size_t cap = p->fields_cap ? 2 * p->fields_cap : 64;
    span_t *f = realloc(p->fields, cap * sizeof(span_t));
    if (f == NULL)
      return -1;
    p->fields = f;
    p->fields_cap = cap;
  }
  span_t *pair = &p->fields[2 * p->nfields];
  pair[0].off = pair[0].len = 0;
  pair[1].off = pair[1].len = 0;
  p->nfields++;
  return 0;
}

static int on_header_field(llhttp_t *ll, const char *at, size_t len) {
  parser_t *p = ll->data;
  int rc = track_header(p, len);
  if (rc != 0)
    return rc;
  if (p->last != 1) {
    /* llhttp 8.1 takes CR plus any byte as a line end: a header line must
     * start after a LF. */
    if (!(ll->lenient_flags & LENIENT_HEADERS) && p->cur_data != NULL &&
        at > p->cur_data && at[-1] != '\n') {
      llhttp_set_error_reason(ll, "HPE_STRICT:Expected LF after CR");
      return HPE_USER;
    }
    if (new_field(p) != 0)
      return -1;
    p->last = 1;
  }
  return grow_span(p, &p->fields[2 * (p->nfields - 1)], at, len);
}

static int on_header_value(llhttp_t *ll, const char *at, size_t len) {
  parser_t *p = ll->data;
  int rc = track_header(p, len);
  if (rc != 0)
    return rc;
  if (p->nfields == 0)
    return 0;
  /* A CR inside a value is a line break llhttp let through: strict
   * parsing refuses it. */
  if (!(ll->lenient_flags & LENIENT_HEADERS) && memchr(at, '\r', len)) {
    llhttp_set_error_reason(ll, "HPE_STRICT:Expected LF after CR");
    return HPE_USER;
  }
  /* A second piece of one value inside one buffer is an obs-fold (a
   * continuation line), which strict parsing refuses. */
  if (p->last == 2 && !(ll->lenient_flags & LENIENT_HEADERS) &&
      p->cur_data != NULL && at > p->cur_data) {
    llhttp_set_error_reason(
        ll,
        "HPE_INVALID_HEADER_TOKEN:Unexpected whitespace after header value");
    return HPE_USER;
  }
  p->last = 2;
  return grow_span(p, &p->fields[2 * (p->nfields - 1) + 1], at, len);
}

static napi_value span_string(parser_t *p, span_t s, bool trim) {
  napi_value v;
  size_t len = s.len;
  const char *at = p->text + s.off;
  if (trim) {
    while (len > 0 && (at[len - 1] == ' ' || at[len - 1] == '\t'))
      len--;
  }
  napi_create_string_latin1(p->env, len ? at : "", len, &v);
  return v;
}

/* The collected headers as [name, value, ...]; forgets them. */
static napi_value take_headers(parser_t *p) {
  napi_value arr;
  napi_create_array_with_length(p->env, 2 * p->nfields, &arr);
  for (size_t i = 0; i < p->nfields; i++) {
    napi_set_element(p->env, arr, (uint32_t)(2 * i),
                     span_string(p, p->fields[2 * i], false));
    napi_set_element(p->env, arr, (uint32_t)(2 * i + 1),
                     span_string(p, p->fields[2 * i + 1], true));
  }
  p->nfields = 0;
  p->last = 0;
  return arr;
}

/* Calls this[key](...) when it is a function. Returns 0 (with *result set
 * to the return value or NULL), 1 when there is no such callback, -1 when
 * it threw (the exception stays pending, got_exception is set). */
static int call_slot(parser_t *p, uint32_t key, size_t argc,
                     const napi_value *argv, napi_value *result) {
  napi_env env = p->env;
  napi_value fn, ret = NULL;
  napi_valuetype t;
  if (result != NULL)
    *result = NULL;
  if (napi_get_element(env, p->self, key, &fn) != napi_ok) {
    p->got_exception = true;
    return -1;
  }
  napi_typeof(env, fn, &t);
  if (t != napi_function)
    return 1;
  if (p->top_level) {
    /* A consumed read: each callback is an entry from the loop of its own
     * (a throw is reported as uncaught); as in Node, the task queues run
     * after kOnBody and kOnHeaders only. */
    int rc = key == K_ON_BODY || key == K_ON_HEADERS
                 ? nd_loop_make_callback(env, p->self, fn, argc, argv, &ret)
                 : nd_loop_make_callback_skip_queues(env, p->self, fn, argc,
                                                     argv, &ret);
    if (rc != 0) {
      p->got_exception = true;
      return -1;
    }
  } else if (napi_call_function(env, p->self, fn, argc, argv, &ret) !=
             napi_ok) {
    p->got_exception = true;
    return -1;
  }
  if (result != NULL)
    *result = ret;
  return 0;
}

static int on_headers_complete(llhttp_t *ll) {
  parser_t *p = ll->data;
  napi_env env = p->env;
  napi_value argv[9], undef, ret;
  napi_get_undefined(env, &undef);
  p->headers_done = true;
  p->header_nread = 0;
  napi_create_uint32(env, ll->http_major, &argv[0]);
  napi_create_uint32(env, ll->http_minor, &argv[1]);
  argv[2] = take_headers(p);
  if (ll->type == HTTP_REQUEST) {
    napi_create_uint32(env, ll->method, &argv[3]);
    argv[4] = span_string(p, p->url, false);
    argv[5] = undef;
    argv[6] = undef;
  } else {
    argv[3] = undef;
    argv[4] = undef;
    napi_create_uint32(env, ll->status_code, &argv[5]);
    argv[6] = span_string(p, p->status, false);
  }
  napi_get_boolean(env, ll->upgrade, &argv[7]);
  napi_get_boolean(env, llhttp_should_keep_alive(ll), &argv[8]);
  p->js_upgrade = false;
  int rc = call_slot(p, K_ON_HEADERS_COMPLETE, 9, argv, &ret);
  if (rc < 0)
    return -1;
  p->text_len = 0;
  p->url.len = p->status.len = 0;
  if (rc == 0 && ret != NULL) {
    int32_t v = 0;
    if (napi_get_value_int32(env, ret, &v) == napi_ok && (v == 1 || v == 2)) {
      p->js_upgrade = v == 2;
      return v;
    }
  }
  return 0;
}

static int on_body(llhttp_t *ll, const char *at, size_t len) {
  parser_t *p = ll->data;
  napi_value buf;
  if (napi_create_buffer_copy(p->env, len, at, NULL, &buf) != napi_ok) {
    p->got_exception = true;
    return -1;
  }
  if (call_slot(p, K_ON_BODY, 1, &buf, NULL) < 0)
    return -1;
  return 0;
}

static int on_message_complete(llhttp_t *ll) {
  parser_t *p = ll->data;
  if (p->nfields > 0) {
    napi_value argv[2];
    argv[0] = take_headers(p);
    argv[1] = span_string(p, p->url, false);
    if (call_slot(p, K_ON_HEADERS, 2, argv, NULL) < 0)
      return -1;
  }
  reset_message(p);
  if (call_slot(p, K_ON_MESSAGE_COMPLETE, 0, NULL, NULL) < 0)
    return -1;
  return 0;
}

static void stop_consuming(parser_t *p);

static void parser_finalize(napi_env env, void *data, void *hint) {
  parser_t *p = data;
  stop_consuming(p);
  free(p->text);
  free(p->fields);
  free(p);
}

/* The parser of a method call, its arguments in argv[0..n) and, when
 * `self_out` is not NULL, the JS object in *self_out. */
static parser_t *unwrap_parser(napi_env env, napi_callback_info info, size_t n,
                               napi_value *argv, napi_value *self_out) {
  return nd_this_native(env, info, n, argv, self_out, "ERR_INVALID_THIS",
                        "Illegal invocation");
}

/* new HTTPParser(): a parser to initialize() before use. */
static napi_value parser_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  parser_t *p = calloc(1, sizeof(*p));
  if (p == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED", "Out of memory");
    return NULL;
  }
  p->env = env;
  p->max_header_size = DEFAULT_MAX_HEADER_SIZE;
  llhttp_init(&p->ll, HTTP_REQUEST, &parser_settings);
  p->ll.data = p;
  if (napi_wrap(env, self, p, parser_finalize, NULL, NULL) != napi_ok) {
    free(p);
    return NULL;
  }
  return self;
}

/* initialize(type, resource, maxHeaderSize, lenientFlags): starts over
 * as a REQUEST (1) or RESPONSE (2) parser. */
static napi_value parser_initialize(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  parser_t *p = unwrap_parser(env, info, 4, argv, NULL);
  if (p == NULL)
    return NULL;
  int64_t type = nd_to_int64(env, argv[0], HTTP_REQUEST);
  int64_t max = nd_to_int64(env, argv[2], 0);
  int64_t lenient = nd_to_int64(env, argv[3], 0);
  llhttp_init(&p->ll, type == HTTP_RESPONSE ? HTTP_RESPONSE : HTTP_REQUEST,
              &parser_settings);
  p->ll.data = p;
  if (lenient & LENIENT_HEADERS)
    llhttp_set_lenient_headers(&p->ll, 1);
  if (lenient & LENIENT_CHUNKED_LENGTH)
    llhttp_set_lenient_chunked_length(&p->ll, 1);
  if (lenient & LENIENT_KEEP_ALIVE)
    llhttp_set_lenient_keep_alive(&p->ll, 1);
  if (lenient & LENIENT_TRANSFER_ENCODING)
    llhttp_set_lenient_transfer_encoding(&p->ll, 1);
  p->max_header_size = max > 0 ? (uint64_t)max : DEFAULT_MAX_HEADER_SIZE;
  p->header_nread = 0;
  p->got_exception = false;
  p->headers_done = false;
  reset_message(p);
  return NULL;
}

/* The Error for parse failure `err` after `parsed` bytes. */
static napi_value parse_error(parser_t *p, llhttp_errno_t err, size_t parsed) {
  napi_env env = p->env;
  const char *reason = llhttp_get_error_reason(&p->ll);
  const char *code = llhttp_errno_name(err);
  char codebuf[64];
  if (reason == NULL)
    reason = "";
  if (err == HPE_USER) {
    const char *colon = strchr(reason, ':');
    if (colon != NULL && (size_t)(colon - reason) < sizeof(codebuf)) {
      memcpy(codebuf, reason, (size_t)(colon - reason));
      codebuf[colon - reason] = '\0';
      code = codebuf;
      reason = colon + 1;
    }
  }
  napi_value e, m, v;
  napi_create_string_utf8(env, "Parse Error", NAPI_AUTO_LENGTH, &m);
  napi_create_error(env, NULL, m, &e);
  napi_create_int64(env, (int64_t)parsed, &v);
  napi_set_named_property(env, e, "bytesParsed", v);
  nd_set_string(env, e, "code", code);
  nd_set_string(env, e, "reason", reason);
  return e;
}

/* Runs llhttp over [data, data+len) and turns the outcome into execute()'s
 * result. */
static napi_value run_parser(parser_t *p, const char *data, size_t len,
                             bool finish) {
  napi_env env = p->env;
  llhttp_errno_t err;
  p->got_exception = false;
  if (finish) {
    err = llhttp_finish(&p->ll);
  } else {
    err = llhttp_execute(&p->ll, data, len);
    /* An upgrade JS declined (no 'upgrade' listener): the connection stays
     * HTTP and parsing goes on. */
    while (err == HPE_PAUSED_UPGRADE && !p->js_upgrade && !p->got_exception) {
      const char *pos = llhttp_get_error_pos(&p->ll);
      llhttp_resume_after_upgrade(&p->ll);
      err = llhttp_execute(&p->ll, pos, (size_t)(data + len - pos));
    }
  }
  if (p->got_exception)
    return NULL; /* the callback's exception */
  size_t parsed = len;
  if (err != HPE_OK && !finish) {
    const char *pos = llhttp_get_error_pos(&p->ll);
    parsed = pos != NULL ? (size_t)(pos - data) : 0;
    if (err == HPE_PAUSED_UPGRADE) {
      llhttp_resume_after_upgrade(&p->ll);
      err = HPE_OK;
    } else if (err == HPE_PAUSED) {
      err = HPE_OK;
    }
  }
  if (err != HPE_OK) {
    napi_value e = parse_error(p, err, finish ? 0 : parsed);
    return e;
  }
  napi_value r;
  if (finish) {
    napi_get_undefined(env, &r);
  } else {
    napi_create_int64(env, (int64_t)parsed, &r);
  }
  return r;
}

/* run_parser() for the JS parser `self` over [data, data+len) (what
 * getCurrentBuffer() then shows), with callbacks as loop entries of their
 * own when `top_level`. What an enclosing parse had set (a nested
 * execute() from a callback) is put back afterwards: its handles live in
 * the caller's scope. */
static napi_value parse_as(parser_t *p, napi_value self, const char *data,
                           size_t len, bool finish, bool top_level) {
  napi_value prev_self = p->self;
  const char *prev_data = p->cur_data;
  size_t prev_len = p->cur_len;
  bool prev_top = p->top_level;
  p->self = self;
  p->cur_data = data;
  p->cur_len = len;
  p->top_level = top_level;
  napi_value r = run_parser(p, data, len, finish);
  p->self = prev_self;
  p->cur_data = prev_data;
  p->cur_len = prev_len;
  p->top_level = prev_top;
  return r;
}

/* execute(buffer) -> bytes parsed or a parse Error. */
static napi_value parser_execute(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  parser_t *p = unwrap_parser(env, info, 1, argv, &self);
  if (p == NULL)
    return NULL;
  void *data = NULL;
  size_t len = 0;
  bool is_typed = false;
  napi_is_typedarray(env, argv[0], &is_typed);
  if (is_typed) {
    napi_typedarray_type tt;
    napi_get_typedarray_info(env, argv[0], &tt, &len, &data, NULL, NULL);
  } else if (napi_get_buffer_info(env, argv[0], &data, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The \"buffer\" argument must be a Buffer");
    return NULL;
  }
  /* Called from JS: callbacks nest in the caller's entry. */
  return parse_as(p, self, data, len, false, false);
}

/* A read of the consumed stream: parse it, then this[kOnExecute](result).
 * Each callback is an entry from the loop of its own, as in Node: ticks
 * and microtasks run after each body chunk (and trailer flush) and after
 * kOnExecute, not after the message begins, its head or its end (so the
 * 'request' handler's ticks see the first body chunk pushed but the
 * message not complete, and pipelined requests of one read are parsed
 * before the responses' writes are flushed). */
static void parser_on_stream_data(nd_stream_consumer_t *consumer,
                                  const char *data, size_t length) {
  parser_t *p = ND_CONTAINER_OF(consumer, parser_t, consumer);
  napi_env env = p->env;
  napi_value self;
  if (napi_get_reference_value(env, p->consumer_self, &self) != napi_ok ||
      self == NULL)
    return;
  napi_value r = parse_as(p, self, data, length, false, true);
  if (r == NULL) {
    /* A callback threw: already reported, unless it was not a callback
     * (the exception is still pending then). */
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_value undef;
      napi_get_undefined(env, &undef);
      nd_loop_take_and_report_uncaught(env, undef);
    }
    return;
  }
  /* getCurrentBuffer() still shows the read during kOnExecute. */
  const char *prev_data = p->cur_data;
  size_t prev_len = p->cur_len;
  p->cur_data = data;
  p->cur_len = length;
  napi_value fn;
  napi_valuetype t = napi_undefined;
  if (napi_get_element(env, self, K_ON_EXECUTE, &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  if (t == napi_function) nd_loop_make_callback(env, self, fn, 1, &r, NULL);
  p->cur_data = prev_data;
  p->cur_len = prev_len;
}

/* Stops reading the consumed stream (if any) and lets the parser go. */
static void stop_consuming(parser_t *p) {
  if (p->stream != NULL) nd_stream_set_consumer(p->stream, NULL);
  p->stream = NULL;
  if (p->consumer_self != NULL) {
    napi_delete_reference(p->env, p->consumer_self);
    p->consumer_self = NULL;
  }
}

/* The consumed stream is being freed. */
static void parser_on_stream_detach(nd_stream_consumer_t *consumer) {
  parser_t *p = ND_CONTAINER_OF(consumer, parser_t, consumer);
  p->stream = NULL;
  stop_consuming(p);
}

/* consume(handle): parse what `handle` (an open TCP/Pipe/TTY handle)
 * reads, in C. A handle consumed by another parser moves to this one. */
static napi_value parser_consume(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  parser_t *p = unwrap_parser(env, info, 1, argv, &self);
  if (p == NULL)
    return NULL;
  nd_stream_wrap_t *stream = nd_stream_wrap_from(env, argv[0]);
  if (stream == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The \"handle\" argument must be a stream handle");
    return NULL;
  }
  stop_consuming(p);
  if (napi_create_reference(env, self, 1, &p->consumer_self) != napi_ok)
    return NULL;
  p->consumer.on_data = parser_on_stream_data;
  p->consumer.on_detach = parser_on_stream_detach;
  p->stream = stream;
  nd_stream_set_consumer(stream, &p->consumer);
  return NULL;
}

/* unconsume(): the stream's reads go back to its JS onread. */
static napi_value parser_unconsume(napi_env env, napi_callback_info info) {
  parser_t *p = unwrap_parser(env, info, 0, NULL, NULL);
  if (p == NULL)
    return NULL;
  stop_consuming(p);
  return NULL;
}

/* finish(): the input ended; undefined or a parse Error. */
static napi_value parser_finish(napi_env env, napi_callback_info info) {
  napi_value self;
  parser_t *p = unwrap_parser(env, info, 0, NULL, &self);
  if (p == NULL)
    return NULL;
  /* The input seen so far stays what getCurrentBuffer() shows. */
  return parse_as(p, self, p->cur_data, p->cur_len, true, false);
}

static napi_value parser_pause(napi_env env, napi_callback_info info) {
  parser_t *p = unwrap_parser(env, info, 0, NULL, NULL);
  if (p == NULL)
    return NULL;
  llhttp_pause(&p->ll);
  return NULL;
}

static napi_value parser_resume(napi_env env, napi_callback_info info) {
  parser_t *p = unwrap_parser(env, info, 0, NULL, NULL);
  if (p == NULL)
    return NULL;
  if (llhttp_get_errno(&p->ll) == HPE_PAUSED)
    llhttp_resume(&p->ll);
  return NULL;
}

/* close()/free()/remove(): drop the collected text; the parser is freed
 * by the garbage collector. */
static napi_value parser_close(napi_env env, napi_callback_info info) {
  parser_t *p = unwrap_parser(env, info, 0, NULL, NULL);
  if (p == NULL)
    return NULL;
  reset_message(p);
  return NULL;
}

/* getCurrentBuffer() -> a copy of the buffer being parsed (empty when
 * none). */
static napi_value parser_current_buffer(napi_env env, napi_callback_info info) {
  parser_t *p = unwrap_parser(env, info, 0, NULL, NULL);
  if (p == NULL)
    return NULL;
  size_t len = p->cur_data != NULL ? p->cur_len : 0;
  napi_value r;
  napi_create_buffer_copy(env, len, len ? p->cur_data : "", NULL, &r);
  return r;
}

static napi_value make_names(napi_env env, const char *const *names, size_t n) {
  napi_value arr, s;
  napi_create_array_with_length(env, n, &arr);
  for (size_t i = 0; i < n; i++) {
    napi_create_string_utf8(env, names[i], NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, arr, (uint32_t)i, s);
  }
  return arr;
}

static const napi_property_descriptor parser_methods[] = {
    ND_METHOD("initialize", parser_initialize),
    ND_METHOD("execute", parser_execute),
    ND_METHOD("finish", parser_finish),
    ND_METHOD("pause", parser_pause),
    ND_METHOD("resume", parser_resume),
    ND_METHOD("close", parser_close),
    ND_METHOD("free", parser_close),
    ND_METHOD("remove", parser_close),
    ND_METHOD("getCurrentBuffer", parser_current_buffer),
    ND_METHOD("consume", parser_consume),
    ND_METHOD("unconsume", parser_unconsume),
};

static const struct {
  const char *name;
  int value;
} parser_constants[] = {
    {"REQUEST", HTTP_REQUEST},
    {"RESPONSE", HTTP_RESPONSE},
    {"kOnMessageBegin", K_ON_MESSAGE_BEGIN},
    {"kOnHeaders", K_ON_HEADERS},
    {"kOnHeadersComplete", K_ON_HEADERS_COMPLETE},
    {"kOnBody", K_ON_BODY},
    {"kOnMessageComplete", K_ON_MESSAGE_COMPLETE},
    {"kOnExecute", K_ON_EXECUTE},
    {"kOnTimeout", K_ON_TIMEOUT},
    {"kLenientNone", 0},
    {"kLenientHeaders", LENIENT_HEADERS},
    {"kLenientChunkedLength", LENIENT_CHUNKED_LENGTH},
    {"kLenientKeepAlive", LENIENT_KEEP_ALIVE},
    {"kLenientTransferEncoding", LENIENT_TRANSFER_ENCODING},
    {"kLenientVersion", LENIENT_VERSION},
    {"kLenientAll", LENIENT_HEADERS | LENIENT_CHUNKED_LENGTH |
                        LENIENT_KEEP_ALIVE | LENIENT_TRANSFER_ENCODING |
                        LENIENT_VERSION},
};

napi_value nd_binding_http_parser_init(napi_env env, napi_value exports) {
  napi_value cls, v;
  if (napi_define_class(env, "HTTPParser", NAPI_AUTO_LENGTH, parser_new, NULL,
                        ND_COUNT(parser_methods), parser_methods,
                        &cls) != napi_ok)
    return NULL;
  for (size_t i = 0; i < ND_COUNT(parser_constants); i++) {
    napi_create_int32(env, parser_constants[i].value, &v);
    napi_set_named_property(env, cls, parser_constants[i].name, v);
  }
  napi_set_named_property(env, exports, "HTTPParser", cls);
  napi_set_named_property(
      env, exports, "methods",
      make_names(env, method_names, ND_COUNT(method_names)));
  napi_set_named_property(
      env, exports, "allMethods",
      make_names(env, all_method_names, ND_COUNT(all_method_names)));
  return exports;
}
