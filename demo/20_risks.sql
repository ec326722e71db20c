--@ title: Risk catalogue
--@ requires: aibiz.risk_categories
--@ about: The risk categories a risk_profile is written in. Each term of a profile names one of them and gives its yearly frequency and per-event impacts.

SELECT name, title, description, default_strategy, strategy_note
FROM aibiz.risk_categories
ORDER BY ord;
