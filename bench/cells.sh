#!/usr/bin/env bash
# Writes a REPL session to standard output: a small model, then N typical cells (a fact, a
# derived value, a ratio, a finance function, a table row), for `burn < cells`.
n=${1:-1000}
cat <<'MODEL'
company OpenAI
revenue[2024] = 3.7B
loss[2024] = 5B
revenue grows 60% per year
costs grow 25% per year
cash[2024] = 10B
MODEL
for ((i = 1; i <= n; i++)); do
  case $((i % 5)) in
    0) echo "revenue[2024] = 3.$((i % 9 + 1))B" ;;
    1) echo "costs[2026]" ;;
    2) echo "157B / revenue[2024] as x" ;;
    3) echo "cagr(3.7B, 98.7B, 4)" ;;
    4) echo "cash[2027] - cash[2026]" ;;
  esac
done
