// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

namespace xcm {

Profile Profile::create(const QString &name)
{
    Profile profile;
    profile.id = QUuid::createUuid();
    profile.name = name;
    return profile;
}

} // namespace xcm
