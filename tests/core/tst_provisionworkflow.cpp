#include "provision/workflow.h"
#include "provision/workflowstore.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using provision::InstallMethod;

// Workflow files: the three install methods, every validation error located file:line:column,
// NFS export lines, and the folder store (invalid files reported and left out, live reload).
class TestProvisionWorkflow : public QObject
{
    Q_OBJECT

    static QByteArray raspios()
    {
        return "id: pi-raspios\n"
               "name: Raspberry Pi OS (64-bit)\n"
               "arch: aarch64\n"
               "install_method: image\n"
               "image_url: http://server/images/raspios-arm64-lite.img.xz\n"
               "image_checksum: sha256:" + QByteArray(64, 'a') + "\n"
               "target_device: /dev/mmcblk0\n"
               "post_install:\n"
               "  - enable_ssh\n"
               "  - set_hostname\n"
               "  - script: install-k3s-agent.sh\n"
               "    args: \"--server https://k3s-server:6443\"\n"
               "config_txt:\n"
               "  - dtoverlay=disable-bt\n";
    }

private Q_SLOTS:
    void imageWorkflow()
    {
        const auto r = provision::parseWorkflow(raspios(), QStringLiteral("pi-raspios.yaml"));
        QVERIFY2(r.workflow, qPrintable(r.errors.value(0).toString()));
        const provision::Workflow &w = *r.workflow;
        QCOMPARE(w.id, QStringLiteral("pi-raspios"));
        QCOMPARE(w.name, QStringLiteral("Raspberry Pi OS (64-bit)"));
        QCOMPARE(w.arch, QStringLiteral("aarch64"));
        QCOMPARE(w.method, InstallMethod::Image);
        QCOMPARE(w.imageUrl, QStringLiteral("http://server/images/raspios-arm64-lite.img.xz"));
        QCOMPARE(w.targetDevice, QStringLiteral("/dev/mmcblk0"));
        QCOMPARE(w.postInstall.size(), 3);
        QCOMPARE(w.postInstall.at(0).name, QStringLiteral("enable_ssh"));
        QCOMPARE(w.postInstall.at(2).script, QStringLiteral("install-k3s-agent.sh"));
        QCOMPARE(w.postInstall.at(2).args, QStringLiteral("--server https://k3s-server:6443"));
        QCOMPARE(w.configTxt, QStringList{QStringLiteral("dtoverlay=disable-bt")});
        QVERIFY(w.fitsArch(QStringLiteral("aarch64")));
        QVERIFY(!w.fitsArch(QStringLiteral("x86_64")));
        QVERIFY(w.fitsArch(QString()));
        const QJsonObject json = w.toJson();
        QCOMPARE(json.value(QStringLiteral("install_method")).toString(), QStringLiteral("image"));
        QCOMPARE(json.value(QStringLiteral("post_install")).toArray().size(), 3);
    }

    void nfsWorkflowAndExports()
    {
        const QByteArray yaml = "id: pi-k3s-worker\n"
                                "install_method: nfs\n"
                                "nfs_server: 192.168.1.10\n"
                                "nfs_base_path: /srv/nfsroot/\n"
                                "nfs_image: ubuntu-arm64\n"
                                "nfs_clients: 192.168.1.0/24\n"
                                "kernel: nfs/vmlinuz-6.6\n"
                                "initrd: nfs/initrd.img-6.6\n"
                                "cmdline: cgroup_enable=memory cgroup_memory=1\n";
        const auto r = provision::parseWorkflow(yaml, QStringLiteral("k3s.yaml"));
        QVERIFY2(r.workflow, qPrintable(r.errors.value(0).toString()));
        const provision::Workflow &w = *r.workflow;
        QCOMPARE(w.method, InstallMethod::Nfs);
        QCOMPARE(w.nfsBasePath, QStringLiteral("/srv/nfsroot"));   // trailing slash dropped
        QCOMPARE(provision::nfsNodePath(w, QStringLiteral("d83add36")), QStringLiteral("/srv/nfsroot/nodes/d83add36"));
        QCOMPARE(provision::nfsBaseImagePath(w), QStringLiteral("/srv/nfsroot/base/ubuntu-arm64"));
        QString why;
        // Restricted to the node when its address is known, else the workflow's clients.
        QCOMPARE(provision::nfsExportsLine(w, QStringLiteral("d83add36"), QHostAddress(QStringLiteral("192.168.1.57")), &why),
                 QStringLiteral("/srv/nfsroot/nodes/d83add36 192.168.1.57(rw,sync,no_subtree_check,no_root_squash)"));
        QCOMPARE(provision::nfsExportsLine(w, QStringLiteral("d83add36"), QHostAddress(), &why),
                 QStringLiteral("/srv/nfsroot/nodes/d83add36 192.168.1.0/24(rw,sync,no_subtree_check,no_root_squash)"));
        provision::Workflow noClients = w;
        noClients.nfsClients.clear();
        QVERIFY(provision::nfsExportsLine(noClients, QStringLiteral("d83add36"), QHostAddress(), &why).isEmpty());
        QVERIFY(why.contains(QStringLiteral("nfs_clients")));
    }

    void scriptWorkflow()
    {
        const auto r = provision::parseWorkflow("id: raspios-installer\ninstall_method: script\n"
                                                "script_url: /scripts/install.sh\nscript_args: --hostname node\n",
                                                QStringLiteral("s.yaml"));
        QVERIFY2(r.workflow, qPrintable(r.errors.value(0).toString()));
        QCOMPARE(r.workflow->method, InstallMethod::Script);
        QCOMPARE(r.workflow->scriptUrl, QStringLiteral("/scripts/install.sh"));
        QCOMPARE(r.workflow->targetDevice, QStringLiteral("/dev/mmcblk0"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QByteArray &yaml, int line, int column, const char *key, const char *msg) {
            QTest::newRow(name) << yaml << line << column << QString::fromLatin1(key) << QString::fromLatin1(msg);
        };
        row("syntax", "id: x\ninstall_method: [image\n", 3, 1, "", "YAML syntax error");
        row("not a map", "- a\n- b\n", 1, 1, "", "must be a mapping");
        row("unknown key", "id: x\ninstall_method: image\nimage_url: http://a/b\nimgae_url: x\n", 4, 1, "imgae_url", "unknown key");
        row("missing id", "install_method: image\nimage_url: http://a/b\n", 1, 1, "id", "required key is missing");
        row("bad id", "id: Pi OS\ninstall_method: image\nimage_url: http://a/b\n", 1, 5, "id", "lower-case letters");
        row("missing method", "id: x\nimage_url: http://a/b\n", 1, 1, "install_method", "required key is missing");
        row("bad method", "id: x\ninstall_method: pxe\n", 2, 17, "install_method", "expected one of: image, nfs, script");
        row("bad arch", "id: x\narch: riscv\ninstall_method: image\nimage_url: http://a/b\n", 2, 7, "arch", "expected one of");
        row("image needs url", "id: x\ninstall_method: image\n", 1, 1, "image_url", "required for install_method image");
        row("url with space", "id: x\ninstall_method: image\nimage_url: \"http://a/b c\"\n", 3, 12, "image_url", "without spaces");
        row("relative url", "id: x\ninstall_method: image\nimage_url: images/a.img\n", 3, 12, "image_url", "http(s):// URL");
        row("bad checksum", "id: x\ninstall_method: image\nimage_url: http://a/b\nimage_checksum: md5:abc\n", 4, 17, "image_checksum", "sha256:");
        row("bad target", "id: x\ninstall_method: image\nimage_url: http://a/b\ntarget_device: mmcblk0\n", 4, 16, "target_device", "device path");
        row("target traversal", "id: x\ninstall_method: image\nimage_url: http://a/b\ntarget_device: /dev/../etc/passwd\n", 4, 16, "target_device", "device path");
        row("bad step", "id: x\ninstall_method: image\nimage_url: http://a/b\npost_install:\n  - Resize Root\n", 5, 5, "post_install", "step name");
        row("step map key", "id: x\ninstall_method: image\nimage_url: http://a/b\npost_install:\n  - {script: a.sh, run: b}\n", 5, 20, "post_install.run", "unknown key");
        row("step not list", "id: x\ninstall_method: image\nimage_url: http://a/b\npost_install: resize\n", 4, 15, "post_install", "expected a list");
        row("nfs needs server", "id: x\ninstall_method: nfs\nnfs_image: u\nkernel: k\n", 1, 1, "nfs_server", "required for install_method nfs");
        row("nfs needs kernel", "id: x\ninstall_method: nfs\nnfs_server: 10.0.0.1\nnfs_image: u\n", 1, 1, "kernel", "required for install_method nfs");
        row("nfs base relative", "id: x\ninstall_method: nfs\nnfs_server: s\nnfs_image: u\nkernel: k\nnfs_base_path: nfsroot\n", 6, 16, "nfs_base_path", "absolute path");
        row("nfs image traversal", "id: x\ninstall_method: nfs\nnfs_server: s\nnfs_image: ../etc\nkernel: k\n", 4, 12, "nfs_image", "directory name");
        row("nfs clients", "id: x\ninstall_method: nfs\nnfs_server: s\nnfs_image: u\nkernel: k\nnfs_clients: 10.0.0.0/40\n", 6, 14, "nfs_clients", "IPv4 network");
        row("nfs options", "id: x\ninstall_method: nfs\nnfs_server: s\nnfs_image: u\nkernel: k\nnfs_options: \"rw sync\"\n", 6, 14, "nfs_options", "export options");
        row("kernel absolute", "id: x\ninstall_method: image\nimage_url: http://a/b\nkernel: /boot/vmlinuz\n", 4, 9, "kernel", "below the TFTP root");
        row("script needs url", "id: x\ninstall_method: script\n", 1, 1, "script_url", "required for install_method script");
        row("cmdline quote", "id: x\ninstall_method: image\nimage_url: http://a/b\ncmdline: \"quiet init='/bin/sh'\"\n", 4, 10, "cmdline", "unquoted");
        row("managed config key", "id: x\ninstall_method: image\nimage_url: http://a/b\nconfig_txt:\n  - kernel=evil.img\n", 5, 5, "config_txt", "cannot be overridden");
        row("config control char", "id: x\ninstall_method: image\nimage_url: http://a/b\nconfig_txt:\n  - \"a=1\\nkernel=x\"\n", 5, 5, "config_txt", "control characters");
        row("deep nesting", "id: " + QByteArray(40, '[') + "\n", 0, 0, "", "nesting");
        row("nul byte", QByteArray("id: x\0\n", 7), 0, 0, "", "NUL");
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const auto r = provision::parseWorkflow(yaml, QStringLiteral("wf.yaml"));
        QVERIFY(!r.workflow);
        QVERIFY(!r.errors.isEmpty());
        bool found = false;
        QStringList all;
        for (const ConfigError &e : r.errors) {
            all << e.toString();
            if (e.message.contains(message) && e.key == key && e.line == line && e.column == column && e.file == QStringLiteral("wf.yaml"))
                found = true;
        }
        QVERIFY2(found, qPrintable(all.join(QLatin1Char('\n'))));
    }

    void tooLarge()
    {
        const auto r = provision::parseWorkflow(QByteArray(provision::MaxWorkflowFileSize + 1, ' '), QStringLiteral("big.yaml"));
        QVERIFY(!r.workflow);
        QVERIFY(r.errors.first().message.contains(QStringLiteral("larger than")));
    }

    void storeLoadsFolder()
    {
        QTemporaryDir dir;
        const auto write = [&dir](const char *name, const QByteArray &content) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        };
        write("a-raspios.yaml", raspios());
        write("b-broken.yaml", "id: broken\ninstall_method: image\n");
        write("c-duplicate.yml", raspios());
        write("notes.txt", "not a workflow");
        WorkflowStore store;
        QSignalSpy changed(&store, &WorkflowStore::workflowsChanged);
        store.setDirectory(dir.path());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.all().size(), 1);
        QVERIFY(store.find(QStringLiteral("pi-raspios")));
        QVERIFY(!store.find(QStringLiteral("broken")));
        QCOMPARE(store.errors().size(), 2);
        QStringList errors;
        for (const auto &e : store.errors())
            errors << e.toString();
        const QString text = errors.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("b-broken.yaml:1:1: image_url: required for install_method image")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("c-duplicate.yml:1:1: id: workflow id 'pi-raspios' is already defined")), qPrintable(text));

        // A file the user drops in is picked up by the folder watch.
        write("d-script.yaml", "id: installer\ninstall_method: script\nscript_url: http://s/i.sh\n");
        QTRY_VERIFY_WITH_TIMEOUT(store.find(QStringLiteral("installer")), 5000);
        QCOMPARE(store.all().size(), 2);
        QCOMPARE(store.all().first().id, QStringLiteral("installer"));   // sorted by id
    }
};

QTEST_GUILESS_MAIN(TestProvisionWorkflow)
#include "tst_provisionworkflow.moc"
