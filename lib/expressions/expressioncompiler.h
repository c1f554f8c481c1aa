// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionast.h"
#include "expressionprogram.h"

namespace xcm {

// The semantic check and code generation: turns the parser's tree into an ExpressionProgram, refusing
// what the grammar allows but the fields do not (an unknown field, `size contains x`, `dir == up`, a
// regular expression that does not compile), each time with the position of the culprit. Nothing is
// returned unless everything compiled.
class ExpressionCompiler
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ExpressionCompiler)
public:
    static std::shared_ptr<ExpressionProgram> compile(QStringView source, const ExpressionNode &root,
                                                      ExpressionError *error);

private:
    explicit ExpressionCompiler(QStringView source);

    int compileNode(const ExpressionNode &node);
    bool compileComparison(const ExpressionNode &node, ExpressionProgram::Test *test);
    bool compileHas(const ExpressionNode &node, ExpressionProgram::Test *test);
    bool compileOperator(const ExpressionNode &node, ExpressionProgram::Test *test);
    bool compileRegex(const ExpressionToken &value, ExpressionProgram::Test *test);
    void setNeedle(ExpressionProgram::Test *test, bool inAttribute);
    bool fail(const ExpressionToken &at, const QString &message);

    QStringView m_source;
    std::shared_ptr<ExpressionProgram> m_program;
    ExpressionError m_error;
};

} // namespace xcm
