/*
 * bench_peers_cxx: the established C++ JSON parsers on the same file, for
 * comparison with hyoka (each measurement in a fresh child process, see
 * bench_common.h). A mode reads the file, parses it into the library's
 * DOM and walks every value — counting strings, numbers and other values
 * and summing the lengths of strings and keys.
 *
 *   rapidjson   rapidjson::Document::Parse() + walk      (HAVE_RAPIDJSON)
 *   simdjson    simdjson::dom::parser::load() + walk     (HAVE_SIMDJSON)
 *
 * The parsers are linked into this program only, never into the library.
 */
#include "bench_common.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifdef HAVE_RAPIDJSON
#include <rapidjson/document.h>
#endif
#ifdef HAVE_SIMDJSON
#include <simdjson.h>
#endif

namespace {

struct walk {
    long long strings = 0, numbers = 0, others = 0, string_bytes = 0;
    double number_sum = 0.0;
    long long total() const { return strings + numbers + others; }
};

#ifdef HAVE_RAPIDJSON
void walk_rapidjson(const rapidjson::Value &v, walk &w)
{
    switch (v.GetType()) {
    case rapidjson::kObjectType:
        w.others++;
        for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
            w.strings++;
            w.string_bytes += m->name.GetStringLength();
            walk_rapidjson(m->value, w);
        }
        break;
    case rapidjson::kArrayType:
        w.others++;
        for (auto e = v.Begin(); e != v.End(); ++e)
            walk_rapidjson(*e, w);
        break;
    case rapidjson::kStringType:
        w.strings++;
        w.string_bytes += v.GetStringLength();
        break;
    case rapidjson::kNumberType:
        w.numbers++;
        w.number_sum += v.GetDouble();
        break;
    default:
        w.others++;
        break;
    }
}

int mode_rapidjson(const char *path, bench_result *r)
{
    size_t len;
    walk w;
    bench_start();
    char *buf = bench_read_file(path, 0, &len);
    if (!buf)
        bench_die("cannot read", path);
    {
        rapidjson::Document doc;
        doc.Parse(buf, len);
        if (doc.HasParseError())
            bench_die("rapidjson: parse error", nullptr);
        walk_rapidjson(doc, w);
        auto it = doc.FindMember("projects");
        r->projects = it != doc.MemberEnd() && it->value.IsArray() ? it->value.Size() : 0;
        bench_stop();
    }
    r->values = w.total();
    std::free(buf);
    return 0;
}
#endif

#ifdef HAVE_SIMDJSON
void walk_simdjson(simdjson::dom::element e, walk &w)
{
    switch (e.type()) {
    case simdjson::dom::element_type::OBJECT:
        w.others++;
        for (auto field : simdjson::dom::object(e)) {
            w.strings++;
            w.string_bytes += (long long)field.key.size();
            walk_simdjson(field.value, w);
        }
        break;
    case simdjson::dom::element_type::ARRAY:
        w.others++;
        for (auto child : simdjson::dom::array(e))
            walk_simdjson(child, w);
        break;
    case simdjson::dom::element_type::STRING:
        w.strings++;
        w.string_bytes += (long long)std::string_view(e).size();
        break;
    case simdjson::dom::element_type::INT64:
        w.numbers++;
        w.number_sum += (double)int64_t(e);
        break;
    case simdjson::dom::element_type::UINT64:
        w.numbers++;
        w.number_sum += (double)uint64_t(e);
        break;
    case simdjson::dom::element_type::DOUBLE:
        w.numbers++;
        w.number_sum += double(e);
        break;
    default:
        w.others++;
        break;
    }
}

int mode_simdjson(const char *path, bench_result *r)
{
    walk w;
    bench_start();
    {
        simdjson::dom::parser parser;
        simdjson::dom::element root;
        auto error = parser.load(path).get(root);
        if (error)
            bench_die("simdjson: parse error", simdjson::error_message(error));
        walk_simdjson(root, w);
        simdjson::dom::array projects;
        r->projects = root["projects"].get(projects) ? 0 : (long long)projects.size();
        bench_stop();
    }
    r->values = w.total();
    return 0;
}
#endif

const bench_mode modes[] = {
#ifdef HAVE_RAPIDJSON
    {"rapidjson", mode_rapidjson},
#endif
#ifdef HAVE_SIMDJSON
    {"simdjson", mode_simdjson},
#endif
    {nullptr, nullptr},
};

} // namespace

int main(int argc, char **argv)
{
    return bench_main(argc, argv, "peers-cxx", modes, sizeof modes / sizeof modes[0] - 1);
}
