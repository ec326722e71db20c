--@ title: Risk catalogue
--@ requires: aibiz.risk_categories
--@ about: The risk categories a risk_profile is written in. Each term of a profile names one of them and gives its yearly frequency and per-event impacts.

--@ caption: Categories
SELECT name, title, description
FROM aibiz.risk_categories
ORDER BY ord;

--@ caption: Suggested responses (the strategy key of a risk term)
SELECT name, default_strategy AS strategy, strategy_note AS how
FROM aibiz.risk_categories
ORDER BY ord;
