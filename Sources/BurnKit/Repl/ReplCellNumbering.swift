// ReplCellNumbering: lets a host number the cells itself. The Jupyter kernel counts every
// executed cell, failed ones too (as IPython does), and gives the ReplSession that number, so
// that `_3` is the value Jupyter shows as `Out[3]`.

extension ReplSession {
    /// Gives the next cell the number `number` (at least 1); `_number` will be its value.
    public func numberNextCell(_ number: Int) {
        nextCell = max(1, number)
    }
}
