// SPDX-License-Identifier: GPL-3.0-or-later
#include "reservedwords.h"

namespace Retort {

// The words each SQLAlchemy 2.0 dialect quotes as identifiers (lower case). They are
// part of the output contract: a column named "order" renders as "order" in quotes.
namespace {

const QSet<QString> &postgresqlWords()
{
    static const QSet<QString> words{
        QStringLiteral("all"), QStringLiteral("analyse"), QStringLiteral("analyze"),
        QStringLiteral("and"), QStringLiteral("any"), QStringLiteral("array"), QStringLiteral("as"),
        QStringLiteral("asc"), QStringLiteral("asymmetric"), QStringLiteral("authorization"),
        QStringLiteral("between"), QStringLiteral("binary"), QStringLiteral("both"),
        QStringLiteral("case"), QStringLiteral("cast"), QStringLiteral("check"),
        QStringLiteral("collate"), QStringLiteral("column"), QStringLiteral("constraint"),
        QStringLiteral("create"), QStringLiteral("cross"), QStringLiteral("current_catalog"),
        QStringLiteral("current_date"), QStringLiteral("current_role"),
        QStringLiteral("current_schema"), QStringLiteral("current_time"),
        QStringLiteral("current_timestamp"), QStringLiteral("current_user"), QStringLiteral("default"),
        QStringLiteral("deferrable"), QStringLiteral("desc"), QStringLiteral("distinct"),
        QStringLiteral("do"), QStringLiteral("else"), QStringLiteral("end"), QStringLiteral("except"),
        QStringLiteral("false"), QStringLiteral("fetch"), QStringLiteral("for"),
        QStringLiteral("foreign"), QStringLiteral("freeze"), QStringLiteral("from"),
        QStringLiteral("full"), QStringLiteral("grant"), QStringLiteral("group"),
        QStringLiteral("having"), QStringLiteral("ilike"), QStringLiteral("in"),
        QStringLiteral("initially"), QStringLiteral("inner"), QStringLiteral("intersect"),
        QStringLiteral("into"), QStringLiteral("is"), QStringLiteral("isnull"), QStringLiteral("join"),
        QStringLiteral("leading"), QStringLiteral("left"), QStringLiteral("like"),
        QStringLiteral("limit"), QStringLiteral("localtime"), QStringLiteral("localtimestamp"),
        QStringLiteral("natural"), QStringLiteral("new"), QStringLiteral("not"),
        QStringLiteral("notnull"), QStringLiteral("null"), QStringLiteral("of"), QStringLiteral("off"),
        QStringLiteral("offset"), QStringLiteral("old"), QStringLiteral("on"), QStringLiteral("only"),
        QStringLiteral("or"), QStringLiteral("order"), QStringLiteral("outer"), QStringLiteral("over"),
        QStringLiteral("overlaps"), QStringLiteral("placing"), QStringLiteral("primary"),
        QStringLiteral("references"), QStringLiteral("returning"), QStringLiteral("right"),
        QStringLiteral("select"), QStringLiteral("session_user"), QStringLiteral("similar"),
        QStringLiteral("some"), QStringLiteral("symmetric"), QStringLiteral("table"),
        QStringLiteral("then"), QStringLiteral("to"), QStringLiteral("trailing"),
        QStringLiteral("true"), QStringLiteral("union"), QStringLiteral("unique"),
        QStringLiteral("user"), QStringLiteral("using"), QStringLiteral("variadic"),
        QStringLiteral("verbose"), QStringLiteral("when"), QStringLiteral("where"),
        QStringLiteral("window"), QStringLiteral("with"),
    };
    return words;
}

const QSet<QString> &mysqlWords()
{
    static const QSet<QString> words{
        QStringLiteral("accessible"), QStringLiteral("add"), QStringLiteral("admin"),
        QStringLiteral("all"), QStringLiteral("alter"), QStringLiteral("analyze"),
        QStringLiteral("and"), QStringLiteral("array"), QStringLiteral("as"), QStringLiteral("asc"),
        QStringLiteral("asensitive"), QStringLiteral("before"), QStringLiteral("between"),
        QStringLiteral("bigint"), QStringLiteral("binary"), QStringLiteral("blob"),
        QStringLiteral("both"), QStringLiteral("by"), QStringLiteral("call"),
        QStringLiteral("cascade"), QStringLiteral("case"), QStringLiteral("change"),
        QStringLiteral("char"), QStringLiteral("character"), QStringLiteral("check"),
        QStringLiteral("collate"), QStringLiteral("column"), QStringLiteral("condition"),
        QStringLiteral("constraint"), QStringLiteral("continue"), QStringLiteral("convert"),
        QStringLiteral("create"), QStringLiteral("cross"), QStringLiteral("cube"),
        QStringLiteral("cume_dist"), QStringLiteral("current_date"), QStringLiteral("current_time"),
        QStringLiteral("current_timestamp"), QStringLiteral("current_user"), QStringLiteral("cursor"),
        QStringLiteral("database"), QStringLiteral("databases"), QStringLiteral("day_hour"),
        QStringLiteral("day_microsecond"), QStringLiteral("day_minute"), QStringLiteral("day_second"),
        QStringLiteral("dec"), QStringLiteral("decimal"), QStringLiteral("declare"),
        QStringLiteral("default"), QStringLiteral("delayed"), QStringLiteral("delete"),
        QStringLiteral("dense_rank"), QStringLiteral("desc"), QStringLiteral("describe"),
        QStringLiteral("deterministic"), QStringLiteral("distinct"), QStringLiteral("distinctrow"),
        QStringLiteral("div"), QStringLiteral("double"), QStringLiteral("drop"),
        QStringLiteral("dual"), QStringLiteral("each"), QStringLiteral("else"),
        QStringLiteral("elseif"), QStringLiteral("empty"), QStringLiteral("enclosed"),
        QStringLiteral("escaped"), QStringLiteral("except"), QStringLiteral("exists"),
        QStringLiteral("exit"), QStringLiteral("explain"), QStringLiteral("false"),
        QStringLiteral("fetch"), QStringLiteral("first_value"), QStringLiteral("float"),
        QStringLiteral("float4"), QStringLiteral("float8"), QStringLiteral("for"),
        QStringLiteral("force"), QStringLiteral("foreign"), QStringLiteral("from"),
        QStringLiteral("fulltext"), QStringLiteral("function"), QStringLiteral("general"),
        QStringLiteral("generated"), QStringLiteral("get"), QStringLiteral("get_master_public_key"),
        QStringLiteral("grant"), QStringLiteral("group"), QStringLiteral("grouping"),
        QStringLiteral("groups"), QStringLiteral("having"), QStringLiteral("high_priority"),
        QStringLiteral("hour_microsecond"), QStringLiteral("hour_minute"),
        QStringLiteral("hour_second"), QStringLiteral("if"), QStringLiteral("ignore"),
        QStringLiteral("ignore_server_ids"), QStringLiteral("in"), QStringLiteral("index"),
        QStringLiteral("infile"), QStringLiteral("inner"), QStringLiteral("inout"),
        QStringLiteral("insensitive"), QStringLiteral("insert"), QStringLiteral("int"),
        QStringLiteral("int1"), QStringLiteral("int2"), QStringLiteral("int3"), QStringLiteral("int4"),
        QStringLiteral("int8"), QStringLiteral("integer"), QStringLiteral("intersect"),
        QStringLiteral("interval"), QStringLiteral("into"), QStringLiteral("io_after_gtids"),
        QStringLiteral("io_before_gtids"), QStringLiteral("is"), QStringLiteral("iterate"),
        QStringLiteral("join"), QStringLiteral("json_table"), QStringLiteral("key"),
        QStringLiteral("keys"), QStringLiteral("kill"), QStringLiteral("lag"),
        QStringLiteral("last_value"), QStringLiteral("lateral"), QStringLiteral("lead"),
        QStringLiteral("leading"), QStringLiteral("leave"), QStringLiteral("left"),
        QStringLiteral("like"), QStringLiteral("limit"), QStringLiteral("linear"),
        QStringLiteral("lines"), QStringLiteral("load"), QStringLiteral("localtime"),
        QStringLiteral("localtimestamp"), QStringLiteral("lock"), QStringLiteral("long"),
        QStringLiteral("longblob"), QStringLiteral("longtext"), QStringLiteral("loop"),
        QStringLiteral("low_priority"), QStringLiteral("master_bind"),
        QStringLiteral("master_heartbeat_period"), QStringLiteral("master_ssl_verify_server_cert"),
        QStringLiteral("match"), QStringLiteral("maxvalue"), QStringLiteral("mediumblob"),
        QStringLiteral("mediumint"), QStringLiteral("mediumtext"), QStringLiteral("member"),
        QStringLiteral("middleint"), QStringLiteral("minute_microsecond"),
        QStringLiteral("minute_second"), QStringLiteral("mod"), QStringLiteral("modifies"),
        QStringLiteral("natural"), QStringLiteral("no_write_to_binlog"), QStringLiteral("not"),
        QStringLiteral("nth_value"), QStringLiteral("ntile"), QStringLiteral("null"),
        QStringLiteral("numeric"), QStringLiteral("of"), QStringLiteral("on"),
        QStringLiteral("optimize"), QStringLiteral("optimizer_costs"), QStringLiteral("option"),
        QStringLiteral("optionally"), QStringLiteral("or"), QStringLiteral("order"),
        QStringLiteral("out"), QStringLiteral("outer"), QStringLiteral("outfile"),
        QStringLiteral("over"), QStringLiteral("parallel"), QStringLiteral("parse_gcol_expr"),
        QStringLiteral("partition"), QStringLiteral("percent_rank"), QStringLiteral("persist"),
        QStringLiteral("persist_only"), QStringLiteral("precision"), QStringLiteral("primary"),
        QStringLiteral("procedure"), QStringLiteral("purge"), QStringLiteral("qualify"),
        QStringLiteral("range"), QStringLiteral("rank"), QStringLiteral("read"),
        QStringLiteral("read_write"), QStringLiteral("reads"), QStringLiteral("real"),
        QStringLiteral("recursive"), QStringLiteral("references"), QStringLiteral("regexp"),
        QStringLiteral("release"), QStringLiteral("rename"), QStringLiteral("repeat"),
        QStringLiteral("replace"), QStringLiteral("require"), QStringLiteral("resignal"),
        QStringLiteral("restrict"), QStringLiteral("return"), QStringLiteral("revoke"),
        QStringLiteral("right"), QStringLiteral("rlike"), QStringLiteral("role"),
        QStringLiteral("row"), QStringLiteral("row_number"), QStringLiteral("rows"),
        QStringLiteral("schema"), QStringLiteral("schemas"), QStringLiteral("second_microsecond"),
        QStringLiteral("select"), QStringLiteral("sensitive"), QStringLiteral("separator"),
        QStringLiteral("set"), QStringLiteral("show"), QStringLiteral("signal"),
        QStringLiteral("slow"), QStringLiteral("smallint"), QStringLiteral("spatial"),
        QStringLiteral("specific"), QStringLiteral("sql"), QStringLiteral("sql_after_gtids"),
        QStringLiteral("sql_before_gtids"), QStringLiteral("sql_big_result"),
        QStringLiteral("sql_calc_found_rows"), QStringLiteral("sql_small_result"),
        QStringLiteral("sqlexception"), QStringLiteral("sqlstate"), QStringLiteral("sqlwarning"),
        QStringLiteral("ssl"), QStringLiteral("starting"), QStringLiteral("stored"),
        QStringLiteral("straight_join"), QStringLiteral("system"), QStringLiteral("table"),
        QStringLiteral("terminated"), QStringLiteral("then"), QStringLiteral("tinyblob"),
        QStringLiteral("tinyint"), QStringLiteral("tinytext"), QStringLiteral("to"),
        QStringLiteral("trailing"), QStringLiteral("trigger"), QStringLiteral("true"),
        QStringLiteral("undo"), QStringLiteral("union"), QStringLiteral("unique"),
        QStringLiteral("unlock"), QStringLiteral("unsigned"), QStringLiteral("update"),
        QStringLiteral("usage"), QStringLiteral("use"), QStringLiteral("using"),
        QStringLiteral("utc_date"), QStringLiteral("utc_time"), QStringLiteral("utc_timestamp"),
        QStringLiteral("values"), QStringLiteral("varbinary"), QStringLiteral("varchar"),
        QStringLiteral("varcharacter"), QStringLiteral("varying"), QStringLiteral("virtual"),
        QStringLiteral("when"), QStringLiteral("where"), QStringLiteral("while"),
        QStringLiteral("window"), QStringLiteral("with"), QStringLiteral("write"),
        QStringLiteral("xor"), QStringLiteral("year_month"), QStringLiteral("zerofill"),
    };
    return words;
}

const QSet<QString> &sqliteWords()
{
    static const QSet<QString> words{
        QStringLiteral("add"), QStringLiteral("after"), QStringLiteral("all"), QStringLiteral("alter"),
        QStringLiteral("analyze"), QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("asc"),
        QStringLiteral("attach"), QStringLiteral("autoincrement"), QStringLiteral("before"),
        QStringLiteral("begin"), QStringLiteral("between"), QStringLiteral("by"),
        QStringLiteral("cascade"), QStringLiteral("case"), QStringLiteral("cast"),
        QStringLiteral("check"), QStringLiteral("collate"), QStringLiteral("column"),
        QStringLiteral("commit"), QStringLiteral("conflict"), QStringLiteral("constraint"),
        QStringLiteral("create"), QStringLiteral("cross"), QStringLiteral("current_date"),
        QStringLiteral("current_time"), QStringLiteral("current_timestamp"),
        QStringLiteral("database"), QStringLiteral("default"), QStringLiteral("deferrable"),
        QStringLiteral("deferred"), QStringLiteral("delete"), QStringLiteral("desc"),
        QStringLiteral("detach"), QStringLiteral("distinct"), QStringLiteral("drop"),
        QStringLiteral("each"), QStringLiteral("else"), QStringLiteral("end"),
        QStringLiteral("escape"), QStringLiteral("except"), QStringLiteral("exclusive"),
        QStringLiteral("exists"), QStringLiteral("explain"), QStringLiteral("fail"),
        QStringLiteral("false"), QStringLiteral("for"), QStringLiteral("foreign"),
        QStringLiteral("from"), QStringLiteral("full"), QStringLiteral("glob"),
        QStringLiteral("group"), QStringLiteral("having"), QStringLiteral("if"),
        QStringLiteral("ignore"), QStringLiteral("immediate"), QStringLiteral("in"),
        QStringLiteral("index"), QStringLiteral("indexed"), QStringLiteral("initially"),
        QStringLiteral("inner"), QStringLiteral("insert"), QStringLiteral("instead"),
        QStringLiteral("intersect"), QStringLiteral("into"), QStringLiteral("is"),
        QStringLiteral("isnull"), QStringLiteral("join"), QStringLiteral("key"),
        QStringLiteral("left"), QStringLiteral("like"), QStringLiteral("limit"),
        QStringLiteral("match"), QStringLiteral("natural"), QStringLiteral("not"),
        QStringLiteral("notnull"), QStringLiteral("null"), QStringLiteral("of"),
        QStringLiteral("offset"), QStringLiteral("on"), QStringLiteral("or"), QStringLiteral("order"),
        QStringLiteral("outer"), QStringLiteral("plan"), QStringLiteral("pragma"),
        QStringLiteral("primary"), QStringLiteral("query"), QStringLiteral("raise"),
        QStringLiteral("references"), QStringLiteral("reindex"), QStringLiteral("rename"),
        QStringLiteral("replace"), QStringLiteral("restrict"), QStringLiteral("right"),
        QStringLiteral("rollback"), QStringLiteral("row"), QStringLiteral("select"),
        QStringLiteral("set"), QStringLiteral("table"), QStringLiteral("temp"),
        QStringLiteral("temporary"), QStringLiteral("then"), QStringLiteral("to"),
        QStringLiteral("transaction"), QStringLiteral("trigger"), QStringLiteral("true"),
        QStringLiteral("union"), QStringLiteral("unique"), QStringLiteral("update"),
        QStringLiteral("using"), QStringLiteral("vacuum"), QStringLiteral("values"),
        QStringLiteral("view"), QStringLiteral("virtual"), QStringLiteral("when"),
        QStringLiteral("where"),
    };
    return words;
}

} // namespace

const QSet<QString> &ReservedWords::forDialect(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::PostgreSql:
        return postgresqlWords();
    case SqlDialect::MySql:
        return mysqlWords();
    case SqlDialect::Sqlite:
        break;
    }
    return sqliteWords();
}

} // namespace Retort
