--@ title: Shipped markets
--@ requires: aibiz.markets
--@ about: The twelve application markets of the study (fintech, healthcare, logistics, e-commerce) with the Bass diffusion and size parameters a projection uses. The figures are illustrative defaults; edit the table to use your own.

--@ caption: Market parameters (adoption: share adopted at month 0; bass_p, bass_q, growth: per year; regulation, sensitivity: 0 to 1)
SELECT name AS market, accounts, adoption, bass_p, bass_q, growth,
	   regulatory_intensity AS regulation, data_sensitivity AS sensitivity
FROM aibiz.markets
ORDER BY name;

--@ caption: Addressable accounts by use case
--@ chart: bar
SELECT name AS market, accounts
FROM aibiz.markets
ORDER BY accounts DESC;
