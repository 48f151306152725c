// BurnModel: the financial kernel.
