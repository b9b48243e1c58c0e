"""Rules: requirement lists, their evaluator, document files and scores."""
