// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the scalable app icon to the fixed hicolor sizes at build time, so the PNGs never drift from
// the SVG. Usage: xcm-icon-renderer SOURCE.svg OUTPUT.png SIZE
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    QTextStream err(stderr);
    bool ok = false;
    const int size = arguments.value(3).toInt(&ok);
    if (arguments.size() != 4 || !ok || size <= 0) {
        err << "usage: xcm-icon-renderer SOURCE.svg OUTPUT.png SIZE\n";
        return 1;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        err << "cannot read " << arguments.at(1) << '\n';
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(arguments.at(2))) {
        err << "cannot write " << arguments.at(2) << '\n';
        return 1;
    }
    return 0;
}
