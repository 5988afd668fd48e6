#include "ipxescriptrunner.h"

#include <QRegularExpression>

namespace {

constexpr int MaxSteps = 10000;   // a script that loops without doing anything is broken

QStringList withoutOptions(const QStringList &words)
{
    // "chain --replace --autofree URL", "kernel --name k URL ..." : drop the leading options.
    QStringList out;
    bool options = true;
    for (int i = 1; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (options && w.startsWith(QLatin1Char('-'))) {
            if ((w == QLatin1String("--name") || w == QLatin1String("-n") || w == QLatin1String("--timeout")
                 || w == QLatin1String("-t")) && i + 1 < words.size())
                ++i;
            continue;
        }
        options = false;
        out.append(w);
    }
    return out;
}

} // namespace

bool IpxeScriptRunner::load(const QString &text)
{
    m_lines.clear();
    m_output.clear();
    m_line = 0;
    m_segment = 0;
    m_status = true;
    m_steps = 0;
    if (!text.startsWith(QLatin1String("#!ipxe"))) {
        m_error = QStringLiteral("not an iPXE script (no #!ipxe line)");
        return false;
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString pending;
    for (QString raw : lines) {
        raw.remove(QLatin1Char('\r'));
        if (raw.endsWith(QLatin1Char('\\'))) {   // continuation
            pending += raw.left(raw.size() - 1);
            continue;
        }
        raw = pending + raw;
        pending.clear();
        const QStringList words = raw.split(QRegularExpression(QStringLiteral("[ \\t]+")), Qt::SkipEmptyParts);
        Line line;
        if (!words.isEmpty() && words.first().startsWith(QLatin1Char(':'))) {
            line.label = words.first().mid(1);
            m_lines.append(line);
            continue;
        }
        Segment current;
        for (const QString &w : words) {
            if (w.startsWith(QLatin1Char('#')))
                break;   // comment (also "#!ipxe")
            if (w == QLatin1String("||") || w == QLatin1String("&&")) {
                line.segments.append(current);
                current = Segment();
                current.op = w;
                continue;
            }
            current.words.append(w);
        }
        if (!current.words.isEmpty() || !current.op.isEmpty())
            line.segments.append(current);
        m_lines.append(line);
    }
    m_error.clear();
    return true;
}

QString IpxeScriptRunner::expand(const QString &text) const
{
    static const QRegularExpression setting(QStringLiteral("\\$\\{([^}:]+)(:[a-z]+)?\\}"));
    QString out;
    qsizetype last = 0;
    auto it = setting.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        QString key = m.captured(1);
        if (key.startsWith(QLatin1String("netX/")))
            key.replace(0, 4, QStringLiteral("net0"));
        QString value = m_settings.value(key + m.captured(2), m_settings.value(key));
        if (m.captured(2) == QLatin1String(":hexhyp"))
            value.replace(QLatin1Char(':'), QLatin1Char('-'));
        out += value;
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

bool IpxeScriptRunner::jump(const QString &label, QString *error)
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).label == label) {
            m_line = i + 1;
            m_segment = 0;
            return true;
        }
    }
    *error = QStringLiteral("goto: no label ':%1'").arg(label);
    return false;
}

IpxeScriptRunner::Step IpxeScriptRunner::next()
{
    Step step;
    while (m_line < m_lines.size()) {
        if (++m_steps > MaxSteps) {
            step.message = QStringLiteral("script runs in a loop without doing anything");
            return step;
        }
        const Line &line = m_lines.at(m_line);
        if (m_segment >= line.segments.size()) {
            ++m_line;
            m_segment = 0;
            m_status = true;
            continue;
        }
        const Segment &seg = line.segments.at(m_segment);
        ++m_segment;
        if ((seg.op == QLatin1String("||") && m_status) || (seg.op == QLatin1String("&&") && !m_status))
            continue;
        QStringList words;
        for (const QString &w : seg.words)
            words.append(expand(w));
        if (words.isEmpty())
            continue;
        const int lineBefore = m_line;
        bool immediate = false;
        step = run(words, &immediate);
        if (step.kind == Step::Kind::Error)
            return step;
        if (!immediate)
            return step;
        if (m_line != lineBefore)
            continue;   // goto moved us
    }
    step = Step();
    step.kind = Step::Kind::Finished;
    return step;
}

IpxeScriptRunner::Step IpxeScriptRunner::run(const QStringList &words, bool *immediate)
{
    Step step;
    const QString cmd = words.first();
    const QStringList rest = withoutOptions(words);
    *immediate = false;
    if (cmd == QLatin1String("kernel") || cmd == QLatin1String("imgfetch") || cmd == QLatin1String("module")
        || cmd == QLatin1String("initrd") || cmd == QLatin1String("imgload") || cmd == QLatin1String("imgselect")) {
        if (rest.isEmpty()) {
            step.message = QStringLiteral("%1 without a URL").arg(cmd);
            return step;
        }
        step.kind = Step::Kind::Fetch;
        step.url = rest.first();
        step.image = (cmd == QLatin1String("kernel") || cmd == QLatin1String("imgselect") || cmd == QLatin1String("imgload"))
            ? QStringLiteral("kernel") : QStringLiteral("initrd");
        step.args = rest.mid(1).join(QLatin1Char(' '));
        return step;
    }
    if (cmd == QLatin1String("boot") || cmd == QLatin1String("imgexec")) {
        if (rest.isEmpty()) {
            step.kind = Step::Kind::Boot;
        } else {   // "boot URL" = fetch and boot
            step.kind = Step::Kind::Chain;
            step.url = rest.first();
        }
        return step;
    }
    if (cmd == QLatin1String("chain")) {
        if (rest.isEmpty()) {
            step.message = QStringLiteral("chain without a URL");
            return step;
        }
        step.kind = Step::Kind::Chain;
        step.url = rest.first();
        step.args = rest.mid(1).join(QLatin1Char(' '));
        return step;
    }
    if (cmd == QLatin1String("sleep")) {
        step.kind = Step::Kind::Sleep;
        step.seconds = rest.value(0).toInt();
        m_status = true;
        return step;
    }
    if (cmd == QLatin1String("exit")) {
        step.kind = Step::Kind::Exit;
        step.code = rest.value(0).toInt();
        return step;
    }
    if (cmd == QLatin1String("reboot") || cmd == QLatin1String("poweroff") || cmd == QLatin1String("shell")) {
        step.kind = cmd == QLatin1String("reboot") ? Step::Kind::Reboot : Step::Kind::Exit;
        step.message = cmd;
        return step;
    }
    *immediate = true;
    if (cmd == QLatin1String("echo")) {
        m_output.append(rest.join(QLatin1Char(' ')));
        m_status = true;
        return Step{Step::Kind::Finished, {}, {}, {}, 0, 0, {}};
    }
    if (cmd == QLatin1String("set")) {
        if (rest.isEmpty()) {
            m_status = false;
        } else {
            m_settings.insert(rest.first(), rest.mid(1).join(QLatin1Char(' ')));
            m_status = true;
        }
        return Step{Step::Kind::Finished, {}, {}, {}, 0, 0, {}};
    }
    if (cmd == QLatin1String("isset")) {
        m_status = !rest.isEmpty() && !rest.first().isEmpty();
        return Step{Step::Kind::Finished, {}, {}, {}, 0, 0, {}};
    }
    if (cmd == QLatin1String("iseq")) {
        m_status = rest.size() >= 2 && rest.at(0) == rest.at(1);
        return Step{Step::Kind::Finished, {}, {}, {}, 0, 0, {}};
    }
    if (cmd == QLatin1String("goto")) {
        QString error;
        if (rest.isEmpty() || !jump(rest.first(), &error)) {
            *immediate = false;
            step.message = rest.isEmpty() ? QStringLiteral("goto without a label") : error;
            return step;
        }
        return Step{Step::Kind::Finished, {}, {}, {}, 0, 0, {}};
    }
    if (cmd == QLatin1String("dhcp") || cmd == QLatin1String("ifopen") || cmd == QLatin1String("imgfree")
        || cmd == QLatin1String("prompt") || cmd == QLatin1String("cpuid") || cmd == QLatin1String("clear")) {
        // Already configured / nothing to free / no keyboard on a virtual Pi (prompt times out).
        m_status = cmd != QLatin1String("prompt") && cmd != QLatin1String("cpuid");
        return Step{Step::Kind::Finished, {}, {}, {}, 0, 0, {}};
    }
    *immediate = false;
    step.message = QStringLiteral("unsupported iPXE command '%1'").arg(cmd.left(40));
    return step;
}
