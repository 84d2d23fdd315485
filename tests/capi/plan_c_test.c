/* tests/capi/plan_c_test.c — the plan part of the C API driven from pure C99.
 *
 * Loads tests/data/small_plan.json (the JSON form of tests/model/small_plan.h:
 * annex 4 of 衡办〔2023〕7号 in miniature, with an invented change of the
 * 财政局 director on 2023-07-01 and the 银保监分局 → 金融监管分局 rename on
 * 2023-11-10) and checks every plan function of dg.h against answers worked
 * by hand from that file, the same ones tests/model/plan_queries_test.cc
 * asserts on the C++ side; then the error contract: the diagnostics JSON of
 * a bad document, did-you-mean, NULLs, bad indices, bad kinds, invalid
 * UTF-8, and the struct-prefix protocol.
 *
 * Record indexes of the fixture (positions in its arrays):
 *   units     0 city_gov 1 czj 市财政局 2 fgw 市发改委 3 jrb 市金融办
 *             4 yjfj 衡阳银保监分局 5 jrjg 衡阳金融监管分局 6 zhuxi 7 yanfeng
 *   unit_sets 0 districts 各城区政府 1 related 市直相关部门 (open, no members)
 *   posts     0 exec_vice_mayor 1 czj.director 2 fgw.director
 *             3 jrb.director (never held) 4 dsg_guo
 *   people    0 于新凡 1 雷高飞 (czj.director until 06-30) 2 林喜洋 3 郭建中
 *             4 继任局长 (czj.director from 07-01)
 *   groups    0 g_dispatch (总调度) 1 g_debt (supervises s_debt)
 *   tasks     0 p4 1 s_debt (市财政局牵头) 2 t_hidden_debt 4/二/（一）/1
 *             3 t_warning 4/二/（一）/3 4 t_vague 4/二/（一）/2
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

#ifndef DG_SMALL_PLAN_JSON
#error "DG_SMALL_PLAN_JSON must name tests/data/small_plan.json"
#endif

#define JUNK 0x5A5A5A5A

enum {
  kCityGov = 0, kCzj = 1, kFgw = 2, kJrb = 3, kYjfj = 4, kJrjg = 5,
  kZhuxi = 6, kYanfeng = 7
};
enum { kDistricts = 0 };
enum { kExecViceMayor = 0, kCzjDirector = 1, kFgwDirector = 2,
       kJrbDirector = 3, kDsgGuo = 4 };
enum { kYu = 0, kLei = 1, kLin = 2, kGuo = 3, kSuccessor = 4 };
enum { kDispatch = 0, kDebtGroup = 1 };
enum { kPart = 0, kSection = 1, kHiddenDebt = 2, kWarning = 3, kVague = 4 };

/* The whole file as a malloc'd, NUL-terminated buffer. */
static char *ReadFile(const char *path, size_t *size_out) {
  FILE *file = fopen(path, "rb");
  char *data;
  long size;
  if (file == NULL) {
    fprintf(stderr, "cannot open the fixture %s\n", path);
    exit(1);
  }
  CHECK(fseek(file, 0, SEEK_END) == 0);
  size = ftell(file);
  CHECK(size > 0);
  CHECK(fseek(file, 0, SEEK_SET) == 0);
  data = (char *)malloc((size_t)size + 1);
  CHECK(data != NULL);
  CHECK(fread(data, 1, (size_t)size, file) == (size_t)size);
  data[size] = '\0';
  fclose(file);
  *size_out = (size_t)size;
  return data;
}

static dg_plan *LoadSmallPlan(void) {
  dg_plan *plan = NULL;
  char *diagnostics = (char *)JUNK;
  CHECK_OK(dg_plan_load_file(&plan, &diagnostics, DG_SMALL_PLAN_JSON,
                             strlen(DG_SMALL_PLAN_JSON)));
  CHECK(plan != NULL);
  CHECK(diagnostics == NULL);
  return plan;
}

/* The holder of `post` on `on` is `person` (or vacant when person < 0). */
static void CheckHolder(const dg_plan *plan, uint32_t post, const char *on,
                        int person) {
  int held = JUNK;
  uint32_t who = JUNK;
  CHECK_OK(dg_plan_holder_of(&held, &who, plan, post, Day(on)));
  if (person < 0) {
    CHECK(held == 0 && who == 0);
  } else {
    CHECK(held == 1 && who == (uint32_t)person);
  }
}

/* The `n` bytes at `p` all equal `b`. */
static int BytesAre(const char *p, size_t n, unsigned char b) {
  size_t i;
  for (i = 0; i < n; ++i) {
    if ((unsigned char)p[i] != b) return 0;
  }
  return 1;
}

/* `text` contains `needle`. */
#define CHECK_HAS(text, needle)                                         \
  do {                                                                  \
    const char *check_text_ = (text);                                   \
    ++g_checks;                                                         \
    if (check_text_ == NULL || strstr(check_text_, (needle)) == NULL) { \
      fprintf(stderr, "%s:%d: %s lacks \"%s\"\n  text: %s\n", __FILE__, \
              __LINE__, #text, (needle),                                \
              check_text_ ? check_text_ : "(NULL)");                    \
      exit(1);                                                          \
    }                                                                   \
  } while (0)

/* ------------------------------------------------------------------------ */
/* Loading and writing                                                       */
/* ------------------------------------------------------------------------ */

static void TestLoadAndWrite(void) {
  size_t size = 0, written_size = JUNK;
  char *text = ReadFile(DG_SMALL_PLAN_JSON, &size);
  dg_plan *plan = NULL, *again = NULL;
  char *diagnostics = (char *)JUNK;
  char *written = NULL, *rewritten = NULL;

  CHECK_OK(dg_plan_load_json(&plan, &diagnostics, text, size));
  CHECK(plan != NULL && diagnostics == NULL);
  CHECK_STREQ("", dg_last_error_message());
  /* The fixture is canonical: writing it back gives the same bytes. */
  CHECK_OK(dg_plan_to_json(&written, &written_size, plan));
  CHECK(written_size == size);
  CHECK(strlen(written) == written_size);
  CHECK_STREQ(text, written);
  /* size_out may be NULL; diagnostics_json_out may be NULL. */
  CHECK_OK(dg_plan_load_json(&again, NULL, written, written_size));
  CHECK_OK(dg_plan_to_json(&rewritten, NULL, again));
  CHECK_STREQ(written, rewritten);

  dg_string_free(rewritten);
  dg_string_free(written);
  dg_plan_free(again);
  dg_plan_free(plan);
  free(text);

  plan = LoadSmallPlan();
  dg_plan_free(plan);
}

static void TestLoadErrors(void) {
  dg_plan *plan = (dg_plan *)JUNK;
  char *diagnostics = (char *)JUNK;
  /* Two problems, both reported in one pass with their pointers. */
  const char *bad =
      "{\"format\": \"dutygraph/plan@1\",\n"
      " \"plan\": {\"id\": \"x\", \"title\": \"t\", \"year\": 2023},\n"
      " \"units\": [{\"id\": \"czj\", \"name\": \"市财政局\", "
      "\"parent\": \"city_gvo\"},\n"
      "           {\"id\": \"city_gov\", \"name\": \"市政府\"}],\n"
      " \"tasks\": [{\"id\": \"a\", \"kind\": \"taks\", \"title\": \"t\"}]}";
  const char *truncated = "{\"format\": \"dutygraph/plan@1\", \"plan\": ";
  const char *bad_utf8 = "{\"format\": \"dutygraph/plan@1\xff\"}";
  const char *missing = "no/such/dir/plan.json";

  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_json(&plan, &diagnostics, bad, strlen(bad)));
  CHECK(plan == NULL);
  CHECK_MESSAGE_HAS("dg_plan_load_json: ");
  CHECK_MESSAGE_HAS("/tasks/0/kind");
  CHECK(diagnostics != NULL);
  CHECK(diagnostics[0] == '[');
  CHECK_HAS(diagnostics, "{\"pointer\":\"/tasks/0/kind\",\"message\":");
  CHECK_HAS(diagnostics, "'taks'");
  dg_string_free(diagnostics);

  /* The cross-record rules, checked once the format is right: an unknown
   * unit id with a did-you-mean. */
  {
    const char *typo =
        "{\"format\": \"dutygraph/plan@1\",\n"
        " \"plan\": {\"id\": \"x\", \"title\": \"t\", \"year\": 2023},\n"
        " \"units\": [{\"id\": \"czj\", \"name\": \"市财政局\", "
        "\"parent\": \"city_gvo\"},\n"
        "           {\"id\": \"city_gov\", \"name\": \"市政府\"}]}";
    diagnostics = (char *)JUNK;
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_plan_load_json(&plan, &diagnostics, typo, strlen(typo)));
    CHECK(plan == NULL);
    CHECK_HAS(diagnostics,
              "{\"pointer\":\"/units/0/parent\",\"message\":\"unknown unit "
              "'city_gvo'; did you mean 'city_gov'?\"}");
    dg_string_free(diagnostics);
  }

  /* Malformed JSON: one diagnostic for the whole document, saying where. */
  diagnostics = (char *)JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_json(&plan, &diagnostics, truncated,
                                 strlen(truncated)));
  CHECK_HAS(diagnostics, "[{\"pointer\":\"\",\"message\":\"malformed JSON at "
                         "line 1");
  dg_string_free(diagnostics);
  /* (NULL, 0) is the empty document: malformed too. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_load_json(&plan, NULL, NULL, 0));
  CHECK(plan == NULL);

  /* Invalid UTF-8 is a problem of the document, with its byte offset. */
  diagnostics = (char *)JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_json(&plan, &diagnostics, bad_utf8,
                                 strlen(bad_utf8)));
  CHECK_MESSAGE_HAS("UTF-8");
  CHECK_HAS(diagnostics, "UTF-8");
  CHECK_HAS(diagnostics, "byte 28");
  dg_string_free(diagnostics);

  /* A file that cannot be read: NOT_FOUND, and one diagnostic saying why. */
  diagnostics = (char *)JUNK;
  plan = (dg_plan *)JUNK;
  CHECK_STATUS(DG_NOT_FOUND, dg_plan_load_file(&plan, &diagnostics, missing,
                                               strlen(missing)));
  CHECK(plan == NULL);
  CHECK_MESSAGE_HAS("dg_plan_load_file: cannot read plan file "
                    "'no/such/dir/plan.json'");
  CHECK_HAS(diagnostics, "[{\"pointer\":\"\",\"message\":\"cannot read plan "
                         "file 'no/such/dir/plan.json'");
  dg_string_free(diagnostics);

  /* Wrong arguments: the diagnostics stay NULL. */
  diagnostics = (char *)JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_json(NULL, &diagnostics, bad, strlen(bad)));
  CHECK_MESSAGE_HAS("dg_plan_load_json: out is NULL");
  CHECK(diagnostics == NULL);
  plan = (dg_plan *)JUNK;
  diagnostics = (char *)JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_json(&plan, &diagnostics, NULL, 7));
  CHECK_MESSAGE_HAS("json is NULL but its length is 7");
  CHECK(plan == NULL && diagnostics == NULL);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_file(NULL, NULL, missing, strlen(missing)));
  CHECK_MESSAGE_HAS("dg_plan_load_file: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_file(&plan, &diagnostics, "", 0));
  CHECK_MESSAGE_HAS("path is empty");
  CHECK(diagnostics == NULL);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_file(&plan, &diagnostics, "a\0b", 3));
  CHECK_MESSAGE_HAS("path contains a NUL byte at offset 1");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_load_file(&plan, &diagnostics, "plan\xc3(.json", 11));
  CHECK_MESSAGE_HAS("UTF-8");
  CHECK(plan == NULL && diagnostics == NULL);

  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_to_json(NULL, NULL, NULL));
  CHECK_MESSAGE_HAS("dg_plan_to_json: out is NULL");
  {
    char *out = (char *)JUNK;
    size_t size = JUNK;
    CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_to_json(&out, &size, NULL));
    CHECK_MESSAGE_HAS("dg_plan_to_json: plan is NULL");
    CHECK(out == NULL && size == 0);
  }
  dg_plan_free(NULL);
}

/* ------------------------------------------------------------------------ */
/* Records and lookups                                                       */
/* ------------------------------------------------------------------------ */

static void CheckRecord(const dg_plan *plan, dg_record_kind kind,
                        uint32_t index, const char *id, const char *name) {
  const char *text = NULL;
  size_t size = JUNK;
  uint32_t found = JUNK;
  CHECK_OK(dg_plan_record_id(&text, &size, plan, kind, index));
  CHECK_STREQ(id, text);
  CHECK(size == strlen(id));
  CHECK_OK(dg_plan_record_name(&text, &size, plan, kind, index));
  CHECK_STREQ(name, text);
  CHECK(size == strlen(name));
  /* Both find the record again. */
  CHECK_OK(dg_plan_find(&found, plan, kind, id, strlen(id)));
  CHECK(found == index);
  if (kind != DG_RECORD_TASK) { /* tasks are found by id or path */
    CHECK_OK(dg_plan_find(&found, plan, kind, name, strlen(name)));
    CHECK(found == index);
  }
}

static void TestRecords(void) {
  dg_plan *plan = LoadSmallPlan();
  size_t count = JUNK;
  const char *text = (const char *)JUNK;
  size_t size = JUNK;

  CHECK_OK(dg_plan_record_count(&count, plan, DG_RECORD_UNIT));
  CHECK(count == 8);
  CHECK_OK(dg_plan_record_count(&count, plan, DG_RECORD_UNIT_SET));
  CHECK(count == 2);
  CHECK_OK(dg_plan_record_count(&count, plan, DG_RECORD_POST));
  CHECK(count == 5);
  CHECK_OK(dg_plan_record_count(&count, plan, DG_RECORD_PERSON));
  CHECK(count == 5);
  CHECK_OK(dg_plan_record_count(&count, plan, DG_RECORD_GROUP));
  CHECK(count == 2);
  CHECK_OK(dg_plan_record_count(&count, plan, DG_RECORD_TASK));
  CHECK(count == 5);

  CheckRecord(plan, DG_RECORD_UNIT, kFgw, "fgw", "市发改委");
  CheckRecord(plan, DG_RECORD_UNIT, kJrjg, "jrjg", "衡阳金融监管分局");
  CheckRecord(plan, DG_RECORD_UNIT_SET, kDistricts, "districts", "各城区政府");
  CheckRecord(plan, DG_RECORD_POST, kFgwDirector, "fgw.director",
              "市发改委主任");
  CheckRecord(plan, DG_RECORD_PERSON, kYu, "yu_xinfan", "于新凡");
  CheckRecord(plan, DG_RECORD_GROUP, kDebtGroup, "g_debt",
              "防范化解政府债务风险专班");
  CheckRecord(plan, DG_RECORD_TASK, kWarning, "t_warning",
              "健全债务风险预警机制");

  CHECK_OK(dg_plan_task_path(&text, &size, plan, kWarning));
  CHECK_STREQ("4/二/（一）/3", text);
  CHECK(size == strlen("4/二/（一）/3"));
  CHECK_OK(dg_plan_task_path(&text, NULL, plan, kPart));
  CHECK_STREQ("4", text);

  /* Bad kinds and indexes. */
  count = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_record_count(&count, plan, 6));
  CHECK(count == 0);
  CHECK_MESSAGE_HAS("dg_plan_record_count: kind 6 is not a dg_record_kind");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_record_count(&count, plan, -1));
  text = (const char *)JUNK;
  size = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_record_id(&text, &size, plan, DG_RECORD_UNIT, 8));
  CHECK(text == NULL && size == 0);
  CHECK_MESSAGE_HAS("dg_plan_record_id: index 8 is out of range: the plan "
                    "has 8 units");
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_plan_record_name(&text, &size, plan,
                                                    DG_RECORD_PERSON, 5));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_record_name(&text, &size, plan, 99, 0));
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_plan_task_path(&text, &size, plan, 5));
  CHECK_MESSAGE_HAS("dg_plan_task_path: task index 5 is out of range: the "
                    "plan has 5 tasks");
  CHECK(text == NULL && size == 0);

  /* NULLs. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_record_count(NULL, plan, DG_RECORD_UNIT));
  CHECK_MESSAGE_HAS("dg_plan_record_count: count_out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_record_count(&count, NULL, DG_RECORD_UNIT));
  CHECK_MESSAGE_HAS("plan is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_record_id(NULL, &size, plan, DG_RECORD_UNIT, 0));
  CHECK_MESSAGE_HAS("dg_plan_record_id: data_out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_record_name(&text, &size, NULL, DG_RECORD_UNIT, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_task_path(NULL, NULL, plan, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_task_path(&text, NULL, NULL, 0));
  dg_plan_free(plan);
}

static void TestLookups(void) {
  dg_plan *plan = LoadSmallPlan();
  uint32_t index = JUNK;

  /* Units by id, name, full name and alias. */
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_UNIT, "市发展改革委",
                        strlen("市发展改革委")));
  CHECK(index == kFgw);
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_UNIT, "衡阳市发展和改革委员会",
                        strlen("衡阳市发展和改革委员会")));
  CHECK(index == kFgw);
  /* Tasks by path; unit sets by alias; posts by title. */
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_TASK, "4/二/（一）/1",
                        strlen("4/二/（一）/1")));
  CHECK(index == kHiddenDebt);
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_UNIT_SET, "各城区",
                        strlen("各城区")));
  CHECK(index == kDistricts);
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_POST, "市财政局局长",
                        strlen("市财政局局长")));
  CHECK(index == kCzjDirector);
  /* Only the given length is read. */
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_UNIT, "fgw and more", 3));
  CHECK(index == kFgw);

  /* Unknown names: NOT_FOUND with a did-you-mean. */
  index = JUNK;
  CHECK_STATUS(DG_NOT_FOUND, dg_plan_find(&index, plan, DG_RECORD_UNIT,
                                          "市发该委", strlen("市发该委")));
  CHECK(index == 0);
  CHECK_MESSAGE_HAS("dg_plan_find: unknown unit '市发该委'; did you mean "
                    "'市发改委'?");
  CHECK_STATUS(DG_NOT_FOUND, dg_plan_find(&index, plan, DG_RECORD_TASK,
                                          "t_warnign", strlen("t_warnign")));
  CHECK_MESSAGE_HAS("did you mean 't_warning'?");
  CHECK_STATUS(DG_NOT_FOUND, dg_plan_find(&index, plan, DG_RECORD_PERSON,
                                          "于新帆", strlen("于新帆")));
  CHECK_MESSAGE_HAS("did you mean '于新凡'?");
  CHECK_STATUS(DG_NOT_FOUND,
               dg_plan_find(&index, plan, DG_RECORD_GROUP, "", 0));
  /* Invalid UTF-8, NULL with a length, a bad kind, NULLs. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find(&index, plan, DG_RECORD_UNIT, "\xe5\xb8", 2));
  CHECK_MESSAGE_HAS("name: invalid UTF-8");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find(&index, plan, DG_RECORD_UNIT, NULL, 3));
  CHECK_MESSAGE_HAS("name is NULL but its length is 3");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find(&index, plan, 6, "fgw", 3));
  CHECK_MESSAGE_HAS("kind 6 is not a dg_record_kind");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find(NULL, plan, DG_RECORD_UNIT, "fgw", 3));
  CHECK_MESSAGE_HAS("dg_plan_find: index_out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find(&index, NULL, DG_RECORD_UNIT, "fgw", 3));
  CHECK_MESSAGE_HAS("dg_plan_find: plan is NULL");

  /* As of a date, an old name resolves to the successor from the change. */
  CHECK_OK(dg_plan_find(&index, plan, DG_RECORD_UNIT, "市银保监分局",
                        strlen("市银保监分局")));
  CHECK(index == kYjfj);
  CHECK_OK(dg_plan_find_unit_as_of(&index, plan, "市银保监分局",
                                   strlen("市银保监分局"), Day("2023-11-09")));
  CHECK(index == kYjfj);
  CHECK_OK(dg_plan_find_unit_as_of(&index, plan, "市银保监分局",
                                   strlen("市银保监分局"), Day("2023-11-10")));
  CHECK(index == kJrjg);
  index = JUNK;
  CHECK_STATUS(DG_NOT_FOUND, dg_plan_find_unit_as_of(
                                 &index, plan, "市财攻局",
                                 strlen("市财攻局"), Day("2023-05-01")));
  CHECK(index == 0);
  CHECK_MESSAGE_HAS("dg_plan_find_unit_as_of: unknown unit '市财攻局'; did "
                    "you mean '市财政局'?");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_find_unit_as_of(&index, plan, "fgw", 3, INT32_MAX));
  CHECK_MESSAGE_HAS("on: ");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find_unit_as_of(&index, plan, "\xff", 1, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find_unit_as_of(NULL, plan, "fgw", 3, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_find_unit_as_of(&index, NULL, "fgw", 3, 0));

  /* Resolving by index. */
  CHECK_OK(dg_plan_resolve_unit(&index, plan, kYjfj, Day("2023-06-01")));
  CHECK(index == kYjfj);
  CHECK_OK(dg_plan_resolve_unit(&index, plan, kYjfj, Day("2023-12-01")));
  CHECK(index == kJrjg);
  CHECK_OK(dg_plan_resolve_unit(&index, plan, kCzj, Day("2023-12-01")));
  CHECK(index == kCzj);
  index = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_resolve_unit(&index, plan, 8, Day("2023-12-01")));
  CHECK(index == 0);
  CHECK_MESSAGE_HAS("unit index 8 is out of range");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_resolve_unit(NULL, plan, 0, Day("2023-12-01")));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_resolve_unit(&index, NULL, 0, Day("2023-12-01")));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_resolve_unit(&index, plan, 0, INT32_MIN));

  /* Holders: the 财政局 director changes on 07-01; nobody before 03-03;
   * the 金融办 director's post is never held. */
  CheckHolder(plan, kCzjDirector, "2023-06-30", kLei);
  CheckHolder(plan, kCzjDirector, "2023-07-01", kSuccessor);
  CheckHolder(plan, kCzjDirector, "2023-03-02", -1);
  CheckHolder(plan, kExecViceMayor, "2024-06-01", kYu);
  CheckHolder(plan, kJrbDirector, "2023-05-01", -1);
  {
    int held = JUNK;
    uint32_t who = JUNK;
    CHECK_STATUS(DG_OUT_OF_RANGE,
                 dg_plan_holder_of(&held, &who, plan, 5, Day("2023-05-01")));
    CHECK(held == 0 && who == 0);
    CHECK_MESSAGE_HAS("post index 5 is out of range");
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_plan_holder_of(NULL, &who, plan, 0, 0));
    CHECK_MESSAGE_HAS("held_out is NULL");
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_plan_holder_of(&held, NULL, plan, 0, 0));
    CHECK_MESSAGE_HAS("person_out is NULL");
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_plan_holder_of(&held, &who, NULL, 0, 0));
  }
  dg_plan_free(plan);
}

/* ------------------------------------------------------------------------ */
/* Accountability                                                            */
/* ------------------------------------------------------------------------ */

static dg_accountable_unit UnitAt(const dg_accountability *acc, size_t i) {
  dg_accountable_unit unit = DG_ACCOUNTABLE_UNIT_INIT;
  CHECK_OK(dg_accountability_unit_at(&unit, acc, i));
  return unit;
}

static dg_post_holder HolderAt(const dg_accountability *acc,
                               dg_holder_list list, size_t i) {
  dg_post_holder holder = DG_POST_HOLDER_INIT;
  CHECK_OK(dg_accountability_holder_at(&holder, acc, list, i));
  return holder;
}

static size_t HolderCount(const dg_accountability *acc, dg_holder_list list) {
  size_t count = JUNK;
  CHECK_OK(dg_accountability_holder_count(&count, acc, list));
  return count;
}

static size_t UnitCount(const dg_accountability *acc) {
  size_t count = JUNK;
  CHECK_OK(dg_accountability_unit_count(&count, acc));
  return count;
}

static void TestAccountabilityOfATask(void) {
  dg_plan *plan = LoadSmallPlan();
  dg_accountability *acc = NULL;
  dg_accountable_unit u;
  dg_post_holder h;
  int has = JUNK;
  uint32_t index = JUNK;

  CHECK_OK(dg_accountability_new(&acc));
  CHECK(acc != NULL);
  /* A new answer is empty. */
  CHECK(UnitCount(acc) == 0);
  CHECK(HolderCount(acc, DG_HOLDERS_CONVENERS) == 0);
  CHECK_OK(dg_accountability_group(&has, &index, acc));
  CHECK(has == 0 && index == 0);

  /* 4/二/（一）/1 on 2023-05-01: the section's lead, then the task's two
   * responsible units. */
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-05-01")));
  CHECK(UnitCount(acc) == 3);
  u = UnitAt(acc, 0);
  CHECK(u.role == DG_ROLE_LEAD && u.unit == kCzj && u.via == DG_VIA_DIRECT);
  CHECK(u.via_index == 0 && u.clause == 0 && u.from_node == kSection);
  CHECK_STREQ("czj", u.unit_id);
  CHECK(u.unit_id_size == 3);
  CHECK_STREQ("市财政局", u.unit_name);
  CHECK(u.unit_name_size == strlen("市财政局"));
  CHECK(u.has_head == 1 && u.head_post == kCzjDirector);
  CHECK(u.head_vacant == 0 && u.head_person == kLei);
  CHECK(u.has_supervising == 1 && u.supervising_post == kExecViceMayor);
  CHECK(u.supervising_vacant == 0 && u.supervising_person == kYu);
  u = UnitAt(acc, 1);
  CHECK(u.role == DG_ROLE_RESPONSIBLE && u.unit == kCzj);
  CHECK(u.from_node == kHiddenDebt && u.clause == 0);
  u = UnitAt(acc, 2);
  CHECK(u.role == DG_ROLE_RESPONSIBLE && u.unit == kFgw);
  CHECK_STREQ("市发改委", u.unit_name);
  CHECK(u.head_post == kFgwDirector && u.head_person == kLin);

  /* The debt group supervises the section; the 总调度 is above it. */
  CHECK_OK(dg_accountability_group(&has, &index, acc));
  CHECK(has == 1 && index == kDebtGroup);
  CHECK_OK(dg_accountability_office_host(&has, &index, acc));
  CHECK(has == 1 && index == kCzj);
  CHECK(HolderCount(acc, DG_HOLDERS_POSTS) == 0);
  CHECK(HolderCount(acc, DG_HOLDERS_CONVENERS) == 1);
  h = HolderAt(acc, DG_HOLDERS_CONVENERS, 0);
  CHECK(h.post == kExecViceMayor && h.vacant == 0 && h.person == kYu);
  CHECK_STREQ("市委常委、市政府常务副市长", h.post_title);
  CHECK(h.post_title_size == strlen("市委常委、市政府常务副市长"));
  CHECK_STREQ("于新凡", h.person_name);
  CHECK(h.person_name_size == strlen("于新凡"));
  CHECK(HolderCount(acc, DG_HOLDERS_DEPUTY_CONVENERS) == 2);
  h = HolderAt(acc, DG_HOLDERS_DEPUTY_CONVENERS, 0);
  CHECK(h.post == kDsgGuo && h.person == kGuo);
  CHECK_STREQ("郭建中", h.person_name);
  h = HolderAt(acc, DG_HOLDERS_DEPUTY_CONVENERS, 1);
  CHECK(h.post == kCzjDirector && h.person == kLei);
  CHECK(HolderCount(acc, DG_HOLDERS_GUIDING) == 0);
  CHECK(HolderCount(acc, DG_HOLDERS_OFFICE_DIRECTOR) == 1);
  h = HolderAt(acc, DG_HOLDERS_OFFICE_DIRECTOR, 0);
  CHECK(h.post == kCzjDirector && h.person == kLei);
  CHECK_STREQ("雷高飞", h.person_name);
  CHECK(HolderCount(acc, DG_HOLDERS_CHIEF_DISPATCHERS) == 1);
  h = HolderAt(acc, DG_HOLDERS_CHIEF_DISPATCHERS, 0);
  CHECK(h.post == kExecViceMayor && h.person == kYu);

  /* 岗位人员自然递补: the same answer object, refilled for 07-01, names the
   * new director; before any tenure the post is vacant, and says so. */
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-07-01")));
  u = UnitAt(acc, 0);
  CHECK(u.head_post == kCzjDirector && u.head_person == kSuccessor);
  h = HolderAt(acc, DG_HOLDERS_OFFICE_DIRECTOR, 0);
  CHECK_STREQ("继任局长", h.person_name);
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-01-01")));
  u = UnitAt(acc, 0);
  CHECK(u.has_head == 1 && u.head_vacant == 1 && u.head_person == 0);
  h = HolderAt(acc, DG_HOLDERS_CONVENERS, 0);
  CHECK(h.vacant == 1 && h.person == 0);
  CHECK_STREQ("", h.person_name);
  CHECK(h.person_name_size == 0);

  /* 4/二/（一）/3: sets expand; the 金融办 head is vacant; the 银保监分局
   * has no head post; after the rename its successor carries the duty. */
  CHECK_OK(dg_plan_accountability(acc, plan, kWarning, Day("2023-05-01")));
  CHECK(UnitCount(acc) == 6);
  CHECK(UnitAt(acc, 0).role == DG_ROLE_LEAD && UnitAt(acc, 0).unit == kCzj);
  u = UnitAt(acc, 1);
  CHECK(u.role == DG_ROLE_SUPPORT && u.unit == kZhuxi);
  CHECK(u.via == DG_VIA_UNIT_SET && u.via_index == kDistricts);
  CHECK(u.clause == -1 && u.from_node == kWarning);
  CHECK(u.has_head == 0 && u.has_supervising == 0);
  u = UnitAt(acc, 2);
  CHECK(u.role == DG_ROLE_SUPPORT && u.unit == kYanfeng);
  CHECK(UnitAt(acc, 3).role == DG_ROLE_RESPONSIBLE);
  CHECK(UnitAt(acc, 3).unit == kCzj);
  u = UnitAt(acc, 4);
  CHECK(u.unit == kJrb && u.has_head == 1 && u.head_post == kJrbDirector);
  CHECK(u.head_vacant == 1 && u.has_supervising == 0);
  u = UnitAt(acc, 5);
  CHECK(u.unit == kYjfj && u.via == DG_VIA_DIRECT && u.has_head == 0);
  CHECK_OK(dg_plan_accountability(acc, plan, kWarning, Day("2023-12-01")));
  u = UnitAt(acc, 5);
  CHECK(u.unit == kJrjg && u.via == DG_VIA_SUCCESSOR && u.via_index == kYjfj);
  CHECK_STREQ("衡阳金融监管分局", u.unit_name);

  /* The part above everything: no unit, no group. */
  CHECK_OK(dg_plan_accountability(acc, plan, kPart, Day("2023-05-01")));
  CHECK(UnitCount(acc) == 0);
  CHECK_OK(dg_accountability_group(&has, &index, acc));
  CHECK(has == 0 && index == 0);
  CHECK_OK(dg_accountability_office_host(&has, &index, acc));
  CHECK(has == 0 && index == 0);
  CHECK(HolderCount(acc, DG_HOLDERS_OFFICE_DIRECTOR) == 0);
  CHECK(HolderCount(acc, DG_HOLDERS_CHIEF_DISPATCHERS) == 0);

  /* The answer keeps its snapshot alive: its strings outlive the handle. */
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-05-01")));
  dg_plan_free(plan);
  u = UnitAt(acc, 2);
  CHECK_STREQ("市发改委", u.unit_name);
  h = HolderAt(acc, DG_HOLDERS_CHIEF_DISPATCHERS, 0);
  CHECK_STREQ("于新凡", h.person_name);
  dg_accountability_free(acc);
}

static void TestAccountabilityErrorsAndStructPrefix(void) {
  dg_plan *plan = LoadSmallPlan();
  dg_accountability *acc = NULL;
  dg_accountable_unit u = DG_ACCOUNTABLE_UNIT_INIT;
  dg_post_holder h = DG_POST_HOLDER_INIT;
  size_t count = JUNK;
  int has = JUNK;
  uint32_t index = JUNK;

  CHECK_OK(dg_accountability_new(&acc));
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-05-01")));
  CHECK(UnitCount(acc) == 3);
  /* A failed fill leaves the answer empty, not stale. */
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_accountability(acc, plan, 5, Day("2023-05-01")));
  CHECK_MESSAGE_HAS("dg_plan_accountability: task index 5 is out of range");
  CHECK(UnitCount(acc) == 0);
  CHECK(HolderCount(acc, DG_HOLDERS_CONVENERS) == 0);
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-05-01")));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_accountability(acc, plan, kHiddenDebt, INT32_MAX));
  CHECK_MESSAGE_HAS("on: ");
  CHECK(UnitCount(acc) == 0);
  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-05-01")));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_accountability(acc, NULL, 0, Day("2023-05-01")));
  CHECK_MESSAGE_HAS("dg_plan_accountability: plan is NULL");
  CHECK(UnitCount(acc) == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_accountability(NULL, plan, 0, Day("2023-05-01")));
  CHECK_MESSAGE_HAS("dg_plan_accountability: out is NULL");

  CHECK_OK(dg_plan_accountability(acc, plan, kHiddenDebt, Day("2023-05-01")));
  /* Bad item indexes and lists; the struct is zeroed on failure. */
  u.role = JUNK;
  u.unit_name = "junk";
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_accountability_unit_at(&u, acc, 3));
  CHECK_MESSAGE_HAS("dg_accountability_unit_at: i is 3 but the "
                    "accountability's unit list has 3 item(s)");
  CHECK(u.struct_size == sizeof u && u.role == 0 && u.unit_name == NULL);
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_accountability_holder_at(
                                    &h, acc, DG_HOLDERS_CONVENERS, 1));
  CHECK_MESSAGE_HAS("i is 1 but the holder list has 1 item(s)");
  count = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_holder_count(&count, acc, 6));
  CHECK_MESSAGE_HAS("list 6 is not a dg_holder_list");
  CHECK(count == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_holder_at(&h, acc, -1, 0));
  CHECK_MESSAGE_HAS("list -1 is not a dg_holder_list");

  /* NULLs. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_accountability_new(NULL));
  CHECK_MESSAGE_HAS("dg_accountability_new: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_accountability_unit_count(NULL, acc));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_unit_count(&count, NULL));
  CHECK_MESSAGE_HAS("dg_accountability_unit_count: acc is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_accountability_unit_at(NULL, acc, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_accountability_unit_at(&u, NULL, 0));
  CHECK(u.struct_size == sizeof u && u.unit == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_group(NULL, &index, acc));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_accountability_group(&has, NULL, acc));
  has = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_group(&has, &index, NULL));
  CHECK(has == 0 && index == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_office_host(NULL, &index, acc));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_office_host(&has, NULL, acc));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_office_host(&has, &index, NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_holder_count(NULL, acc, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_holder_count(&count, NULL, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_holder_at(NULL, acc, 0, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_accountability_holder_at(&h, NULL, 0, 0));

  /* The struct-prefix protocol: a caller compiled against a shorter struct
   * declares fewer bytes, and nothing past them is written. */
  {
    dg_accountable_unit prefix;
    const size_t declared = offsetof(dg_accountable_unit, has_head);
    memset(&prefix, 0x5A, sizeof prefix);
    prefix.struct_size = declared;
    CHECK_OK(dg_accountability_unit_at(&prefix, acc, 0));
    CHECK(prefix.role == DG_ROLE_LEAD && prefix.unit == kCzj);
    CHECK(prefix.from_node == kSection);
    CHECK(BytesAre((const char *)&prefix + declared, sizeof prefix - declared,
                   0x5A));
    /* Too short to hold `unit`: rejected, naming the _INIT macro, and not
     * written at all. */
    prefix.struct_size = offsetof(dg_accountable_unit, unit);
    prefix.role = JUNK;
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_accountability_unit_at(&prefix, acc, 0));
    CHECK_MESSAGE_HAS("smaller than the first fields of "
                      "dg_accountable_unit");
    CHECK_MESSAGE_HAS("DG_ACCOUNTABLE_UNIT_INIT");
    CHECK(prefix.role == JUNK);
  }
  {
    dg_post_holder prefix;
    const size_t declared = offsetof(dg_post_holder, post_title);
    memset(&prefix, 0x5A, sizeof prefix);
    prefix.struct_size = declared;
    CHECK_OK(dg_accountability_holder_at(&prefix, acc,
                                         DG_HOLDERS_CONVENERS, 0));
    CHECK(prefix.post == kExecViceMayor && prefix.person == kYu);
    CHECK(prefix.vacant == 0);
    CHECK(BytesAre((const char *)&prefix + declared, sizeof prefix - declared,
                   0x5A));
    prefix.struct_size = 4;
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_accountability_holder_at(&prefix, acc,
                                             DG_HOLDERS_CONVENERS, 0));
    CHECK_MESSAGE_HAS("DG_POST_HOLDER_INIT");
  }
  dg_accountability_free(acc);
  dg_accountability_free(NULL);
  dg_plan_free(plan);
}

/* ------------------------------------------------------------------------ */
/* Tasks of a unit and of a person                                           */
/* ------------------------------------------------------------------------ */

static size_t UnitTaskCount(const dg_unit_tasks *tasks) {
  size_t count = JUNK;
  CHECK_OK(dg_unit_tasks_count(&count, tasks));
  return count;
}

static dg_unit_task UnitTaskAt(const dg_unit_tasks *tasks, size_t i) {
  dg_unit_task task = DG_UNIT_TASK_INIT;
  CHECK_OK(dg_unit_tasks_at(&task, tasks, i));
  return task;
}

static void TestTasksOfAUnit(void) {
  dg_plan *plan = LoadSmallPlan();
  dg_unit_tasks *tasks = NULL;
  dg_unit_task t;

  CHECK_OK(dg_unit_tasks_new(&tasks));
  CHECK(UnitTaskCount(tasks) == 0);
  /* 市财政局: leads the section, responsible for two of its tasks. */
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kCzj, Day("2023-05-01"),
                                 DG_ROLES_ALL));
  CHECK(UnitTaskCount(tasks) == 3);
  t = UnitTaskAt(tasks, 0);
  CHECK(t.task == kSection && t.role == DG_ROLE_LEAD);
  CHECK(t.via == DG_VIA_DIRECT && t.clause == 0);
  CHECK_STREQ("s_debt", t.task_id);
  CHECK_STREQ("4/二/（一）", t.task_path);
  CHECK(t.task_path_size == strlen("4/二/（一）"));
  CHECK_STREQ("防范化解政府债务风险", t.task_title);
  CHECK(t.task_title_size == strlen("防范化解政府债务风险"));
  t = UnitTaskAt(tasks, 1);
  CHECK(t.task == kHiddenDebt && t.role == DG_ROLE_RESPONSIBLE);
  t = UnitTaskAt(tasks, 2);
  CHECK(t.task == kWarning && t.role == DG_ROLE_RESPONSIBLE);
  CHECK(t.clause == -1);
  /* Filtered by role. */
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kCzj, Day("2023-05-01"),
                                 DG_ROLE_BIT_LEAD));
  CHECK(UnitTaskCount(tasks) == 1);
  CHECK(UnitTaskAt(tasks, 0).task == kSection);
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kCzj, Day("2023-05-01"),
                                 DG_ROLE_BIT_SUPPORT | DG_ROLE_BIT_PARTICIPATE));
  CHECK(UnitTaskCount(tasks) == 0);
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kCzj, Day("2023-05-01"),
                                 DG_ROLE_BIT_LEAD | DG_ROLE_BIT_RESPONSIBLE));
  CHECK(UnitTaskCount(tasks) == 3);
  /* Through a unit set. */
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kZhuxi, Day("2023-05-01"), 0));
  CHECK(UnitTaskCount(tasks) == 1);
  t = UnitTaskAt(tasks, 0);
  CHECK(t.task == kWarning && t.role == DG_ROLE_SUPPORT);
  CHECK(t.via == DG_VIA_UNIT_SET && t.via_index == kDistricts);
  /* The successor carries the renamed unit's task from the change on; the
   * old unit, asked about after the change, answers as its successor. */
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kJrjg, Day("2023-11-09"), 0));
  CHECK(UnitTaskCount(tasks) == 0);
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kJrjg, Day("2023-11-10"), 0));
  CHECK(UnitTaskCount(tasks) == 1);
  t = UnitTaskAt(tasks, 0);
  CHECK(t.task == kWarning && t.via == DG_VIA_SUCCESSOR);
  CHECK(t.via_index == kYjfj);
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kYjfj, Day("2023-12-01"), 0));
  CHECK(UnitTaskCount(tasks) == 1);
  CHECK(UnitTaskAt(tasks, 0).via == DG_VIA_SUCCESSOR);

  /* Errors leave the list empty. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_unit(tasks, plan, kCzj, Day("2023-05-01"), 16));
  CHECK_MESSAGE_HAS("dg_plan_tasks_of_unit: roles has unknown bits (16)");
  CHECK(UnitTaskCount(tasks) == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_unit(tasks, plan, 8, Day("2023-05-01"), 0));
  CHECK_MESSAGE_HAS("unit index 8 is out of range");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_unit(tasks, plan, kCzj, INT32_MIN, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_unit(tasks, NULL, kCzj, 0, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_unit(NULL, plan, kCzj, 0, 0));
  CHECK_MESSAGE_HAS("dg_plan_tasks_of_unit: out is NULL");
  CHECK_OK(dg_plan_tasks_of_unit(tasks, plan, kCzj, Day("2023-05-01"), 0));
  t.task = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_unit_tasks_at(&t, tasks, 3));
  CHECK_MESSAGE_HAS("i is 3 but the unit's task list has 3 item(s)");
  CHECK(t.task == 0 && t.task_id == NULL);
  t.struct_size = offsetof(dg_unit_task, task);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_unit_tasks_at(&t, tasks, 0));
  CHECK_MESSAGE_HAS("DG_UNIT_TASK_INIT");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_unit_tasks_at(NULL, tasks, 0));
  t.struct_size = sizeof t;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_unit_tasks_at(&t, NULL, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_unit_tasks_count(NULL, tasks));
  {
    size_t count = JUNK;
    CHECK_STATUS(DG_INVALID_ARGUMENT, dg_unit_tasks_count(&count, NULL));
    CHECK(count == 0);
  }
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_unit_tasks_new(NULL));
  dg_unit_tasks_free(tasks);
  dg_unit_tasks_free(NULL);
  dg_plan_free(plan);
}

static size_t PersonTaskCount(const dg_person_tasks *tasks) {
  size_t count = JUNK;
  CHECK_OK(dg_person_tasks_count(&count, tasks));
  return count;
}

static dg_person_task PersonTaskAt(const dg_person_tasks *tasks, size_t i) {
  dg_person_task task = DG_PERSON_TASK_INIT;
  CHECK_OK(dg_person_tasks_at(&task, tasks, i));
  return task;
}

static void TestTasksOfAPerson(void) {
  dg_plan *plan = LoadSmallPlan();
  dg_person_tasks *tasks = NULL;
  dg_person_task t;
  size_t i, heads = 0, deputies = 0, offices = 0, chiefs = 0, conveners = 0,
            supervising = 0;

  CHECK_OK(dg_person_tasks_new(&tasks));
  CHECK(PersonTaskCount(tasks) == 0);
  /* 雷高飞 on 05-01: head of 市财政局 (its 3 nodes) and deputy convener of
   * the debt group (the section and its 3 tasks). Deputy convener is found
   * before office director for the same post. */
  CHECK_OK(dg_plan_tasks_of_person(tasks, plan, kLei, Day("2023-05-01"),
                                   Day("2023-05-01")));
  CHECK(PersonTaskCount(tasks) == 7);
  for (i = 0; i < 7; ++i) {
    t = PersonTaskAt(tasks, i);
    CHECK(t.post == kCzjDirector);
    CHECK_DATE("2023-05-01", t.held_from);
    CHECK_DATE("2023-05-01", t.held_to);
    heads += t.capacity == DG_CAPACITY_UNIT_HEAD;
    deputies += t.capacity == DG_CAPACITY_DEPUTY_CONVENER;
    offices += t.capacity == DG_CAPACITY_OFFICE_DIRECTOR;
    if (t.capacity == DG_CAPACITY_UNIT_HEAD) {
      CHECK(t.has_unit == 1 && t.unit == kCzj && t.has_role == 1);
    } else {
      CHECK(t.has_unit == 0 && t.unit == 0 && t.has_role == 0);
    }
  }
  CHECK(heads == 3 && deputies == 4 && offices == 0);
  /* Ordered by node: the section first, as head (lead) then deputy. */
  t = PersonTaskAt(tasks, 0);
  CHECK(t.task == kSection && t.capacity == DG_CAPACITY_UNIT_HEAD);
  CHECK(t.role == DG_ROLE_LEAD);
  CHECK_STREQ("s_debt", t.task_id);
  CHECK_STREQ("防范化解政府债务风险", t.task_title);
  CHECK(t.task_title_size == strlen("防范化解政府债务风险"));
  t = PersonTaskAt(tasks, 1);
  CHECK(t.task == kSection && t.capacity == DG_CAPACITY_DEPUTY_CONVENER);
  t = PersonTaskAt(tasks, 6);
  CHECK(t.task == kVague && t.capacity == DG_CAPACITY_DEPUTY_CONVENER);

  /* Over a range that his tenure ends in: the days he held the post. */
  CHECK_OK(dg_plan_tasks_of_person(tasks, plan, kLei, Day("2023-06-01"),
                                   Day("2023-08-01")));
  CHECK(PersonTaskCount(tasks) == 7);
  t = PersonTaskAt(tasks, 0);
  CHECK_DATE("2023-06-01", t.held_from);
  CHECK_DATE("2023-06-30", t.held_to);
  /* Once he no longer holds it: nothing. */
  CHECK_OK(dg_plan_tasks_of_person(tasks, plan, kLei, Day("2023-08-01"),
                                   Day("2023-09-01")));
  CHECK(PersonTaskCount(tasks) == 0);

  /* 于新凡: supervising leader of 市财政局 (3) and 市发改委 (1), convener of
   * the debt group (4) and chief dispatcher over it (4). */
  CHECK_OK(dg_plan_tasks_of_person(tasks, plan, kYu, Day("2023-05-01"),
                                   Day("2023-05-01")));
  CHECK(PersonTaskCount(tasks) == 12);
  for (i = 0; i < 12; ++i) {
    t = PersonTaskAt(tasks, i);
    CHECK(t.post == kExecViceMayor);
    supervising += t.capacity == DG_CAPACITY_SUPERVISING_LEADER;
    conveners += t.capacity == DG_CAPACITY_CONVENER;
    chiefs += t.capacity == DG_CAPACITY_CHIEF_DISPATCHER;
  }
  CHECK(supervising == 4 && conveners == 4 && chiefs == 4);

  /* Errors. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_person(tasks, plan, kYu, Day("2023-05-02"),
                                       Day("2023-05-01")));
  CHECK_MESSAGE_HAS("the range ends (2023-05-01) before it starts "
                    "(2023-05-02)");
  CHECK(PersonTaskCount(tasks) == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_person(tasks, plan, 5, 0, 0));
  CHECK_MESSAGE_HAS("person index 5 is out of range");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_person(tasks, plan, kYu, INT32_MAX, 0));
  CHECK_MESSAGE_HAS("from: ");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_person(tasks, plan, kYu, 0, INT32_MAX));
  CHECK_MESSAGE_HAS("to: ");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_person(tasks, NULL, kYu, 0, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_person(NULL, plan, kYu, 0, 0));
  CHECK_OK(dg_plan_tasks_of_person(tasks, plan, kLin, Day("2023-05-01"),
                                   Day("2023-05-01")));
  CHECK(PersonTaskCount(tasks) == 1); /* head of 市发改委 on t_hidden_debt */
  t = PersonTaskAt(tasks, 0);
  CHECK(t.task == kHiddenDebt && t.unit == kFgw);
  CHECK(t.role == DG_ROLE_RESPONSIBLE);
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_person_tasks_at(&t, tasks, 1));
  CHECK_MESSAGE_HAS("i is 1 but the person's task list has 1 item(s)");
  CHECK(t.task == 0 && t.task_id == NULL);
  t.struct_size = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_person_tasks_at(&t, tasks, 0));
  CHECK_MESSAGE_HAS("DG_PERSON_TASK_INIT");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_person_tasks_at(NULL, tasks, 0));
  t.struct_size = sizeof t;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_person_tasks_at(&t, NULL, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_person_tasks_count(NULL, tasks));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_person_tasks_count(&i, NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_person_tasks_new(NULL));
  dg_person_tasks_free(tasks);
  dg_person_tasks_free(NULL);
  dg_plan_free(plan);
}

/* ------------------------------------------------------------------------ */
/* Answers as JSON and CSV                                                   */
/* ------------------------------------------------------------------------ */

static void TestJsonAnswers(void) {
  dg_plan *plan = LoadSmallPlan();
  char *text = NULL;
  size_t size = JUNK;

  CHECK_OK(dg_plan_accountability_json(&text, &size, plan, kHiddenDebt,
                                       Day("2023-05-01")));
  CHECK(strlen(text) == size);
  CHECK_HAS(text, "{\"task\":{\"id\":\"t_hidden_debt\",\"path\":\"4/二/（一）/1\","
                  "\"title\":\"严禁新增隐性债务\"},\"on\":\"2023-05-01\","
                  "\"units\":[{\"role\":\"lead\",\"unit\":{\"id\":\"czj\","
                  "\"name\":\"市财政局\"},\"via\":\"direct\",\"via_id\":null,"
                  "\"clause\":0,\"from_node\":\"s_debt\",\"head\":{\"post\":"
                  "{\"id\":\"czj.director\",\"title\":\"市财政局局长\"},"
                  "\"person\":{\"id\":\"lei_gaofei\",\"name\":\"雷高飞\"},"
                  "\"vacant\":false},");
  CHECK_HAS(text, "\"group\":{\"id\":\"g_debt\",\"name\":\"防范化解政府债务风险"
                  "专班\"}");
  CHECK_HAS(text, "\"office_host\":{\"id\":\"czj\",\"name\":\"市财政局\"}");
  CHECK_HAS(text, "\"chief_dispatchers\":[{\"post\":{\"id\":\"exec_vice_mayor\","
                  "\"title\":\"市委常委、市政府常务副市长\"},\"person\":{\"id\":"
                  "\"yu_xinfan\",\"name\":\"于新凡\"},\"vacant\":false}]}");
  dg_string_free(text);
  /* A vacant head, and a duty passed to the successor. */
  CHECK_OK(dg_plan_accountability_json(&text, NULL, plan, kWarning,
                                       Day("2023-12-01")));
  CHECK_HAS(text, "\"head\":{\"post\":{\"id\":\"jrb.director\",\"title\":"
                  "\"市金融办主任\"},\"person\":null,\"vacant\":true}");
  CHECK_HAS(text, "{\"role\":\"responsible\",\"unit\":{\"id\":\"jrjg\","
                  "\"name\":\"衡阳金融监管分局\"},\"via\":\"successor\","
                  "\"via_id\":\"yjfj\",\"clause\":null,");
  CHECK_HAS(text, "\"via\":\"unit_set\",\"via_id\":\"districts\"");
  dg_string_free(text);

  CHECK_OK(dg_plan_tasks_of_unit_json(&text, &size, plan, kCzj,
                                      Day("2023-05-01"), DG_ROLE_BIT_LEAD));
  CHECK_STREQ("{\"unit\":{\"id\":\"czj\",\"name\":\"市财政局\"},\"on\":"
              "\"2023-05-01\",\"tasks\":[{\"task\":{\"id\":\"s_debt\",\"path\":"
              "\"4/二/（一）\",\"title\":\"防范化解政府债务风险\"},\"role\":"
              "\"lead\",\"via\":\"direct\",\"via_id\":null,\"clause\":0}]}",
              text);
  dg_string_free(text);
  /* Asked about the old unit after the rename: the successor answers. */
  CHECK_OK(dg_plan_tasks_of_unit_json(&text, &size, plan, kYjfj,
                                      Day("2023-12-01"), 0));
  CHECK_HAS(text, "{\"unit\":{\"id\":\"jrjg\",\"name\":\"衡阳金融监管分局\"},");
  CHECK_HAS(text, "\"via\":\"successor\",\"via_id\":\"yjfj\"");
  dg_string_free(text);

  CHECK_OK(dg_plan_tasks_of_person_json(&text, &size, plan, kLin,
                                        Day("2023-05-01"), Day("2023-06-01")));
  CHECK_STREQ("{\"person\":{\"id\":\"lin_xiyang\",\"name\":\"林喜洋\"},"
              "\"from\":\"2023-05-01\",\"to\":\"2023-06-01\",\"tasks\":[{"
              "\"task\":{\"id\":\"t_hidden_debt\",\"path\":\"4/二/（一）/1\","
              "\"title\":\"严禁新增隐性债务\"},\"post\":{\"id\":"
              "\"fgw.director\",\"title\":\"市发改委主任\"},\"capacity\":"
              "\"unit_head\",\"role\":\"responsible\",\"unit\":{\"id\":\"fgw\","
              "\"name\":\"市发改委\"},\"from\":\"2023-05-01\",\"to\":"
              "\"2023-06-01\"}]}",
              text);
  dg_string_free(text);

  /* Workload on 05-01: 市财政局 leads 1 and is responsible for 2 (3 nodes);
   * the others have one task each. */
  CHECK_OK(dg_plan_workloads_json(&text, &size, plan, Day("2023-05-01")));
  CHECK_STREQ(
      "{\"on\":\"2023-05-01\",\"workloads\":["
      "{\"unit\":{\"id\":\"czj\",\"name\":\"市财政局\"},\"lead\":1,"
      "\"support\":0,\"responsible\":2,\"participate\":0,\"total\":3},"
      "{\"unit\":{\"id\":\"fgw\",\"name\":\"市发改委\"},\"lead\":0,"
      "\"support\":0,\"responsible\":1,\"participate\":0,\"total\":1},"
      "{\"unit\":{\"id\":\"jrb\",\"name\":\"市金融办\"},\"lead\":0,"
      "\"support\":0,\"responsible\":1,\"participate\":0,\"total\":1},"
      "{\"unit\":{\"id\":\"yjfj\",\"name\":\"衡阳银保监分局\"},\"lead\":0,"
      "\"support\":0,\"responsible\":1,\"participate\":0,\"total\":1},"
      "{\"unit\":{\"id\":\"zhuxi\",\"name\":\"珠晖区\"},\"lead\":0,"
      "\"support\":1,\"responsible\":0,\"participate\":0,\"total\":1},"
      "{\"unit\":{\"id\":\"yanfeng\",\"name\":\"雁峰区\"},\"lead\":0,"
      "\"support\":1,\"responsible\":0,\"participate\":0,\"total\":1}]}",
      text);
  CHECK(size == strlen(text));
  dg_string_free(text);

  CHECK_OK(dg_plan_raci_csv(&text, &size, plan, Day("2023-05-01")));
  CHECK_STREQ(
      "id,path,title,市财政局,市发改委,市金融办,衡阳银保监分局,珠晖区,雁峰区\n"
      "s_debt,4/二/（一）,防范化解政府债务风险,L,,,,,\n"
      "t_hidden_debt,4/二/（一）/1,严禁新增隐性债务,R,R,,,,\n"
      "t_warning,4/二/（一）/3,健全债务风险预警机制,R,,R,R,S,S\n",
      text);
  dg_string_free(text);

  /* Lints on 05-01: the open set with no members, the vacant 金融办 head. */
  CHECK_OK(dg_plan_lints_json(&text, &size, plan, Day("2023-05-01")));
  CHECK(text[0] == '[');
  CHECK_HAS(text, "{\"severity\":\"warning\",\"code\":\"vague_set\","
                  "\"pointer\":\"/tasks/4/assignments/0\",\"message\":");
  CHECK_HAS(text, "{\"severity\":\"warning\",\"code\":\"vacant_post\","
                  "\"pointer\":\"/posts/3\",\"message\":\"post '市金融办主任' "
                  "is vacant on 2023-05-01\"}");
  CHECK(strstr(text, "\"severity\":\"error\"") == NULL);
  dg_string_free(text);

  /* Errors: zeroed out-params, specific messages. */
  text = (char *)JUNK;
  size = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_plan_accountability_json(
                                    &text, &size, plan, 5, Day("2023-05-01")));
  CHECK(text == NULL && size == 0);
  CHECK_MESSAGE_HAS("dg_plan_accountability_json: task index 5 is out of "
                    "range");
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_plan_accountability_json(
                                    &text, &size, plan, 0, INT32_MAX));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_accountability_json(NULL, &size, plan, 0, 0));
  CHECK_MESSAGE_HAS("dg_plan_accountability_json: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_accountability_json(&text, &size, NULL, 0, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_unit_json(&text, &size, plan, kCzj, 0, 32));
  CHECK_MESSAGE_HAS("roles has unknown bits (32)");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_unit_json(&text, &size, plan, 8, 0, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_unit_json(&text, &size, NULL, 0, 0, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_person_json(&text, &size, plan, kLin,
                                            Day("2023-06-02"),
                                            Day("2023-06-01")));
  CHECK_MESSAGE_HAS("before it starts");
  CHECK(text == NULL && size == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_of_person_json(&text, &size, plan, 5, 0, 0));
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_plan_tasks_of_person_json(
                                    &text, &size, plan, kLin, 0, INT32_MIN));
  CHECK_MESSAGE_HAS("to: ");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_person_json(NULL, &size, plan, 0, 0, 0));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_workloads_json(&text, &size, plan, INT32_MAX));
  CHECK_MESSAGE_HAS("dg_plan_workloads_json: on: ");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_workloads_json(&text, &size, NULL, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_raci_csv(NULL, &size, plan, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_raci_csv(&text, &size, NULL, 0));
  CHECK_MESSAGE_HAS("dg_plan_raci_csv: plan is NULL");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_raci_csv(&text, &size, plan, INT32_MIN));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_lints_json(&text, &size, NULL, 0));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_lints_json(&text, &size, plan, INT32_MIN));
  CHECK(text == NULL && size == 0);
  dg_plan_free(plan);
}

int main(void) {
  TestLoadAndWrite();
  TestLoadErrors();
  TestRecords();
  TestLookups();
  TestAccountabilityOfATask();
  TestAccountabilityErrorsAndStructPrefix();
  TestTasksOfAUnit();
  TestTasksOfAPerson();
  TestJsonAnswers();
  printf("plan_c_test: %ld checks passed\n", g_checks);
  return 0;
}
