#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// Runs an iPXE script the way iPXE does, one command at a time, for the virtual Pi: labels and
// goto, `a || b`, `a && b`, ${setting} expansion, and the commands Metal Boot's scripts and
// typical lab scripts use (kernel/imgfetch/module/initrd, boot, chain, echo, sleep, set, exit,
// reboot, prompt). The caller performs what a step asks (download, wait) and reports whether it
// worked; anything else is an "unsupported command" failure, never silently skipped. Pure.
class IpxeScriptRunner
{
public:
    struct Step
    {
        enum class Kind {
            Fetch,      // download `url` as image `image` ("kernel" or "initrd"); args = kernel command line
            Boot,       // boot the loaded kernel (+ initrd)
            Chain,      // fetch `url` and run it as the new script (chain --replace)
            Sleep,      // wait `seconds`
            Exit,       // leave iPXE with `code` (UEFI goes on with the next boot option)
            Reboot,
            Finished,   // end of script: iPXE returns like `exit 0`
            Error,      // `message` says why (not a script, unsupported command, bad goto, loop)
        };
        Kind kind = Kind::Error;
        QString url;
        QString image;
        QString args;
        int seconds = 0;
        int code = 0;
        QString message;
    };

    // Returns false (and errorString()) if `text` does not start with "#!ipxe".
    bool load(const QString &text);
    [[nodiscard]] QString errorString() const { return m_error; }
    void setSetting(const QString &name, const QString &value) { m_settings.insert(name, value); }
    [[nodiscard]] QString expand(const QString &text) const;

    // The next thing to do. After Fetch/Boot/Chain call complete() with the outcome first.
    Step next();
    void complete(bool ok) { m_status = ok; }
    // Lines printed by `echo`, in order.
    [[nodiscard]] const QStringList &output() const { return m_output; }

private:
    struct Segment
    {
        QString op;          // "", "||", "&&"
        QStringList words;
    };
    struct Line
    {
        QString label;       // ":name" lines
        QList<Segment> segments;
    };
    Step run(const QStringList &words, bool *immediate);
    bool jump(const QString &label, QString *error);

    QList<Line> m_lines;
    QHash<QString, QString> m_settings;
    QStringList m_output;
    QString m_error;
    int m_line = 0;
    int m_segment = 0;
    bool m_status = true;
    int m_steps = 0;
};
