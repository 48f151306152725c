// Statements: what each statement does when it runs. Expression statements return their value;
// questions print through `emit`.
import BurnModel

extension Interpreter {
    /// Runs one statement; returns the value of an expression statement. An error that arose
    /// in a formula of the standard library points at this statement instead.
    @discardableResult
    func execute(_ statement: Stmt, file: SourceFile) throws -> Value? {
        do {
            return try runStatement(statement, file: file)
        } catch var error as Diagnostic {
            if error.span == .none { error.span = statement.span }  // a limit met inside the model
            throw inLocale(fromLibrary(error, statement: statement) ?? error)
        }
    }

    /// With `locale fr`, the money, percents and multiples that a message writes the English
    /// way (the model's messages, `describe`) read French: `5 Md$`, `80,5 %`, `1,83x`.
    private func inLocale(_ error: Diagnostic) -> Diagnostic {
        guard formatter.locale.isFrench else { return error }
        var d = error
        d.message = FrenchMessage.rewrite(d.message, formatter)
        d.label = d.label.map { FrenchMessage.rewrite($0, formatter) }
        d.hint = d.hint.map { FrenchMessage.rewrite($0, formatter) }
        d.notes = d.notes.map { Diagnostic.Note(FrenchMessage.rewrite($0.message, formatter), span: $0.span) }
        return d
    }

    private func runStatement(_ statement: Stmt, file: SourceFile) throws -> Value? {
        switch statement.kind {
        case .expression(let e):
            return try evaluate(e)
        case .show(let e):
            show(try evaluate(e))
        case .letBinding(let name, let e, let source):
            let value = try evaluate(e)
            define(name.text, value)
            recordSource(of: name.text, value: value, source: source, at: statement.span)
        case .function(let name, let parameters, let body):
            try defineFunction(name, parameters, body, statement: statement, file: file)
        case .importFile(let path, let span):
            try importFile(path, span: span, from: file)
        case .rate(let currency, let value, let year):
            try declareRate(currency, value, year)
        case .unitDecl(let name, let plural, let definition):
            try declareUnit(name, plural: plural, definition)
        case .check(let e, let approximately, let within):
            try check(e, approximately, within, statement: statement, file: file)
        case .seed(let e):
            seed = UInt64(try wholeNumber(evaluate(e), at: e.span, what: "a seed") & 0x7FFF_FFFF_FFFF_FFFF)
            rng = Random(seed: seed)
        case .samples(let e):
            let n = try wholeNumber(evaluate(e), at: e.span, what: "a sample count")
            guard n >= 1 else { throw Diagnostic("samples must be at least 1", at: e.span) }
            try runtime.checkSampleCount(n, at: e.span)
            // The model's uncertain numbers keep the draws they were made with: a new count
            // here would leave every answer at the old one, silently.
            if let held = world.state.drawCount, held != n {
                let count = formatter.format(Quantity(Double(held)))
                throw Diagnostic("the model already holds \(count) samples of each uncertain number, and `samples` cannot change them",
                                 at: statement.span,
                                 hint: "put `samples \(formatter.plain(Double(n)))` before the first uncertain number (at the top of the script), or start again with `:reset`")
            }
            sampleCount = n
        case .assume(let name, let value):
            try assume(name, value)
        case .scenario(let name, let body):
            try declareScenario(name, body, file: file)
        case .using(let name, let body):
            try using(name, body, file: file)
        case .compareScenarios(let names, let expressions):
            try compareScenarios(names, expressions, file: file)
        case .solve(let knob, let range, let condition):
            try solve(knob, range, condition, span: statement.span)
        case .sweep(let knob, let range, let step, let shows):
            try sweep(knob, range, step, shows, file: file, span: statement.span)
        case .locale(let locale):
            // The lexer already reads the lines below in it; from now on values print in it too.
            // A scenario's replay of the history leaves the printing as it is.
            if !replaying { formatter.locale = locale }
        default:
            try checkNames(statement)
            try world.execute(statement, in: self, file: file)
        }
        return nil
    }

    // MARK: - Declarations

    private func defineFunction(_ name: Name, _ parameters: [Name], _ body: Expr, statement: Stmt, file: SourceFile) throws {
        let s = slot(for: name.text)
        let function = Function(name: name.text, arity: parameters.count, body: nil, localCount: parameters.count)
        let previous = runtime.globals[s]
        runtime.setGlobal(s, .function(function))
        do {
            var resolver = try Resolver(self).forFunction(parameters: parameters)
            function.body = try resolver.expression(body)
            function.localCount = resolver.maxLocals
        } catch {
            runtime.setGlobal(s, previous)
            throw error
        }
        if let doc = FunctionDocs.extract(name: name.text, parameters: parameters.map(\.text), before: statement.span, in: file) {
            function.doc = doc.text
            docs[name.text] = doc
        }
    }

    private func importFile(_ path: String, span: Span, from file: SourceFile) throws {
        let base = file.name.hasPrefix("<") ? "." : FilePaths.directory(of: file.name)
        let full = FilePaths.join(base, path)
        let key = FilePaths.normalize(full)
        guard files.allows(full) else {
            throw Diagnostic("this session may not read '\(path)'", at: span,
                             hint: "the host program decides which directories scripts may read")
        }
        if importing.contains(key) {
            throw Diagnostic("'\(path)' imports itself (through \(importing.count) file\(importing.count == 1 ? "" : "s"))", at: span)
        }
        if imported.contains(key) { return }
        let text: String
        switch files.readSource(full) {
        case .success(let read): text = read
        case .failure(.unreadable):
            throw Diagnostic("cannot read '\(path)'", at: span, hint: "paths are relative to the importing file: looked for \(full)")
        case .failure(let failure):
            let (message, hint) = failure.message(path)
            throw Diagnostic(message, at: span, hint: hint)
        }
        importing.append(key)
        defer { importing.removeLast() }
        let savedCompany = currentCompany
        // An imported file reads (and prints) in English unless it says `locale fr` itself,
        // whatever its importer's locale: a file means the same whoever imports it. Its own
        // `locale` line does not outlive it.
        let savedLocale = formatter.locale
        formatter.locale = .english
        defer { formatter.locale = savedLocale }
        try run(addSource(name: full, text: text)) { value, _ in show(value) }
        currentCompany = savedCompany
        imported.insert(key)
    }

    private func declareRate(_ currency: Name, _ value: Expr, _ year: Expr?) throws {
        let v = try evaluate(value)
        guard let q = v.asQuantity, q.unit.isMoney, let to = q.unit.currency else {
            throw Diagnostic("a rate is money in another currency, found \(describe(v, formatter))", at: value.span,
                             hint: "write `rate \(currency.text) = \(formatter.plain(1.08)) USD`")
        }
        guard q.value > 0 else { throw Diagnostic("a rate must be positive", at: value.span) }
        guard currency.text.count == 3, currency.text.allSatisfy({ $0.isUppercase && $0.isASCII }) else {
            throw Diagnostic("'\(currency.text)' is not a currency code", at: currency.span,
                             hint: "currency codes are three capital letters, like EUR or GBP")
        }
        let y = try year.map { try calendarYear(evaluate($0), at: $0.span) }
        vocabulary.declareCurrency(currency.text)
        runtime.rates.declare(currency.text, equals: q.value, to, year: y)
        // The model converts too (sums of rounds, identities across currencies).
        world.state.rates = runtime.rates
    }

    private func declareUnit(_ name: Name, plural: Name?, _ definition: Expr?) throws {
        if vocabulary.isCurrency(name.text) {
            throw Diagnostic("'\(name.text)' is a currency", at: name.span)
        }
        guard let definition else {
            vocabulary.declare(UnitDefinition(name: name.text, plural: plural?.text, base: name.text, scale: 1))
            return
        }
        let v = try evaluate(definition)
        guard let q = v.asQuantity, q.unit.moneyPower == 0, q.unit.factors.count == 1,
              let factor = q.unit.factors.first, factor.power == 1, q.value > 0 else {
            throw Diagnostic("a unit is defined as a positive amount of one other unit, found \(describe(v, formatter))",
                             at: definition.span, hint: "write `unit GW = 1000 MW`, or `unit token` for a new base unit")
        }
        vocabulary.declare(UnitDefinition(name: name.text, plural: plural?.text, base: factor.unit.base,
                                          scale: q.value * factor.unit.scale))
    }
}
