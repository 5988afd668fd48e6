#pragma once

#include "provision/lifecycle.h"

#include <QTest>

// Readable QCOMPARE failures for lifecycle states.
namespace QTest {
template <>
inline char *toString(const lifecycle::State &state)
{
    return qstrdup(lifecycle::name(state).toLatin1().constData());
}
} // namespace QTest
