# Makefile - builds out/nodus. `make` runs ./configure first when needed
# (which obtains the dependencies); `make test` runs the tests.

OUT := out
-include $(OUT)/config.mk

CC ?= gcc
CXX ?= g++
PYTHON ?= python3
PREFIX ?= /usr/local

WARN := -Wall -Wextra -Wno-unused-parameter
OPT := -O2 -g
CPPFLAGS := -Iruntime -I$(OUT)/gen -I$(NODE_INCLUDE) -I$(LLHTTP_INCLUDE) \
            -D_GNU_SOURCE -DNAPI_VERSION=8
CFLAGS := $(OPT) $(WARN) -std=gnu11 -fno-strict-aliasing
CXXFLAGS := $(OPT) $(WARN) -std=c++17 -fno-exceptions -fno-rtti \
            -I$(V8_EXTRA_INCLUDE)
# Addons resolve napi_* from the executable, so those must be exported.
LDFLAGS := -Wl,--export-dynamic-symbol=napi_* \
           -Wl,--export-dynamic-symbol=node_api_* \
           -Wl,-rpath,'$$ORIGIN/lib:$$ORIGIN/../lib/nodus'
LIBS := -L$(OUT)/lib -lnode -luv -lz -lbrotlienc -lbrotlidec -lssl -lcrypto \
        -lpthread -ldl -lm

C_SRCS := $(wildcard cmd/nodus/*.c runtime/*.c bindings/*.c)
CXX_SRCS := $(wildcard runtime/v8/*.cc)
JS_SRCS := $(shell find lib -name '*.js' 2>/dev/null)
OBJS := $(C_SRCS:%.c=$(OUT)/obj/%.o) $(CXX_SRCS:%.cc=$(OUT)/obj/%.o) \
        $(OUT)/obj/gen/builtins.o
LLHTTP_OBJS := $(OUT)/obj/llhttp/api.o $(OUT)/obj/llhttp/http.o \
               $(OUT)/obj/llhttp/llhttp.o
CCTEST_OBJS := $(patsubst %.c,$(OUT)/obj/%.o,$(wildcard test/cctest/*.c))
LIB_OBJS := $(filter-out $(OUT)/obj/cmd/%,$(OBJS))
DEPS := $(OBJS:.o=.d) $(CCTEST_OBJS:.o=.d)

.PHONY: all configure test test-js test-c test-node clean distclean install \
        bench format

all:
	@if [ ! -f $(OUT)/config.mk ] || [ configure -nt $(OUT)/config.mk ] || \
	    [ deps/fetch.sh -nt $(OUT)/config.mk ]; then ./configure; fi
	@$(MAKE) --no-print-directory $(OUT)/nodus

$(OUT)/nodus: $(OBJS) $(OUT)/lib/libllhttp.a $(OUT)/lib/libnode.so.108
	$(CXX) -o $@ $(OBJS) $(LDFLAGS) -L$(OUT)/lib -lllhttp $(LIBS)

# The C tests of the engine shim: the runtime without cmd/nodus/main.c.
$(OUT)/cctest: $(CCTEST_OBJS) $(LIB_OBJS) $(OUT)/lib/libllhttp.a \
               $(OUT)/lib/libnode.so.108
	$(CXX) -o $@ $(CCTEST_OBJS) $(LIB_OBJS) $(LDFLAGS) -L$(OUT)/lib -lllhttp \
	  $(LIBS)

$(OUT)/obj/test/cctest/%.o: test/cctest/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itest/cctest $(CFLAGS) -MMD -MP -c $< -o $@

# libnode is linked through a link in out/lib, found at run time by rpath.
$(OUT)/lib/libnode.so.108: $(LIBNODE_DIR)/libnode.so.108
	@mkdir -p $(OUT)/lib
	ln -sf $(abspath $<) $@
	ln -sf libnode.so.108 $(OUT)/lib/libnode.so

$(OUT)/lib/libllhttp.a: $(LLHTTP_OBJS)
	@mkdir -p $(dir $@)
	ar rcs $@ $^

$(OUT)/obj/llhttp/%.o: $(LLHTTP_SRC)/%.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -fPIC -I$(LLHTTP_INCLUDE) -c $< -o $@

$(OUT)/gen/builtins.c: tools/js2c $(JS_SRCS)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/js2c lib $@

$(OUT)/obj/gen/builtins.o: $(OUT)/gen/builtins.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -O1 -std=gnu11 -c $< -o $@

$(OUT)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/obj/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -MMD -MP -c $< -o $@

-include $(DEPS)

# Tests: nodus's own (test/) then the regression gate of Node's suite.
test: all
	@$(PYTHON) tools/test.py --bin $(OUT)/nodus

bench: all
	../shared/bench/run --bin $(OUT)/nodus

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/nodus
	install -m 755 $(OUT)/nodus $(DESTDIR)$(PREFIX)/bin/nodus
	install -m 644 $(LIBNODE_DIR)/libnode.so.108 \
	  $(DESTDIR)$(PREFIX)/lib/nodus/libnode.so.108

format:
	clang-format -i $(C_SRCS) $(CXX_SRCS) $(wildcard runtime/*.h runtime/v8/*.h)

clean:
	rm -rf $(OUT)/obj $(OUT)/gen $(OUT)/nodus $(OUT)/cctest $(OUT)/lib \
	  $(OUT)/test

distclean: clean
	rm -rf $(OUT) deps/cache deps/libnode deps/llhttp deps/v8 \
	  deps/node-suite deps/.fetched-*
