#include "poedriver.h"

void PoeDriver::powerCycle(const QString &, int, DoneCallback done)
{
    done(poe::Error::make(poe::Error::Kind::Unsupported,
                          QStringLiteral("driver '%1' has no power-cycle command").arg(driverName())));
}

void PoeDriver::learnMacs(MacsCallback done)
{
    done(poe::Error::make(poe::Error::Kind::Unsupported,
                          QStringLiteral("driver '%1' cannot list MAC addresses").arg(driverName())),
         {});
}
