// bench/common/plan_text_generator.h — a synthetic implementation-plan text
// for the importer's benchmark: numbered sections and tasks in the forms of
// docs/import.md (annotations in （）/()/〔〕, label forms, deadlines,
// targets, a 保障机制 paragraph per annex), with OCR noise (page markers,
// lines broken mid-sentence, stray columns). Deterministic: a fixed seed.
#ifndef DUTYGRAPH_BENCH_COMMON_PLAN_TEXT_GENERATOR_H_
#define DUTYGRAPH_BENCH_COMMON_PLAN_TEXT_GENERATOR_H_

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace dutygraph::bench {

// About `bytes` of UTF-8 text (a little more: the last annex is finished).
inline std::string GeneratePlanText(size_t bytes, unsigned seed = 20230303) {
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  };
  auto n = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<std::string> units = {
      "市发改委", "市财政局", "市商务局", "市工业和信息化局", "市住建局",
      "市交通运输局", "市农业农村局", "市卫健委", "市教育局", "市科技局",
      "市自然资源和规划局", "市生态环境局", "市应急管理局", "市市场监管局",
      "市公安局", "市人力资源和社会保障局", "市税务局", "人民银行衡州中心支行",
      "市金融办", "市行政审批服务局", "衡州海关", "市文旅广体局"};
  const std::vector<std::string> verbs = {"推进", "加快", "深化", "强化", "完善", "提升"};
  const std::vector<std::string> topics = {
      "产业链招商", "园区建设", "政务服务改革", "数据共享", "农村公路建设",
      "消费升级", "科技成果转化", "安全生产监管", "债务风险防范", "就业服务"};
  const std::vector<std::string> deadlines = {"年底前", "9月底前", "四季度前", "2023年6月底前",
                                              "收到通知之日起14个工作日内"};
  const std::vector<std::string> numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::string out = "衡州市2023年高质量发展攻坚行动方案\n\n为推动高质量发展，制定本方案。\n\n";
  int page = 1, lines = 0;
  auto line = [&](const std::string& s) {
    out += s;
    out += "\n";
    if (++lines % 40 == 0) out += "\n— " + std::to_string(++page) + " —\n\n";
  };
  for (int annex = 1; out.size() < bytes; ++annex) {
    line("附件 " + std::to_string(annex));
    line("衡州市" + pick(topics) + "攻坚行动实施方案");
    line("一、工作目标");
    line("全年" + pick(topics) + "增长" + std::to_string(n(5, 15)) + "%左右，新增项目" +
         std::to_string(n(10, 500)) + "个以上。");
    line("二、重点任务");
    for (int s = 0; s < 6; ++s) {
      line("（" + numerals[s] + "）" + pick(verbs) + pick(topics) + "。");
      for (int t = 1; t <= 8; ++t) {
        const std::string lead = pick(units), a = pick(units), b = pick(units);
        std::string body = std::to_string(t) + ". " + pick(verbs) + pick(topics) + "。" +
                           pick(verbs) + pick(topics) + "，" + pick(deadlines) + "完成，力争" +
                           pick(topics) + "突破" + std::to_string(n(100, 3000)) + "亿元。";
        switch (t % 4) {
          case 0: body += "（" + lead + "牵头，" + a + "、" + b + "等配合）"; break;
          case 1: body += "(" + lead + "、" + a + "按职责分工负责)"; break;
          case 2: body += "〔" + lead + "会同" + a + "牵头〕"; break;
          default: body += "牵头单位：" + lead + "；配合单位：" + a + "、" + b; break;
        }
        // An OCR break in the middle of the paragraph.
        const size_t cut = body.size() / 2 - (body.size() / 2) % 3;
        if (body.compare(cut, 3, "\xE3\x80\x82") != 0 && (body[cut] & 0xC0) != 0x80) {
          line(body.substr(0, cut));
          line(body.substr(cut));
        } else {
          line(body);
        }
      }
    }
    line("案\n举\n债\n金");
    line("三、保障机制");
    line("成立衡州市" + pick(topics) + "工作专班，由市政府分管副市长任召集人，" + pick(units) +
         "主要负责人任副召集人，成员单位包括" + pick(units) + "、" + pick(units) + "等，专班办公室设在" +
         pick(units) + "。建立“旬简报、月通报、季总结”工作机制。");
  }
  return out;
}

}  // namespace dutygraph::bench

#endif  // DUTYGRAPH_BENCH_COMMON_PLAN_TEXT_GENERATOR_H_
