--@ title: Shipped markets
--@ requires: aibiz.markets
--@ about: The twelve application markets of the study (fintech, healthcare, logistics, e-commerce) with the Bass diffusion and size parameters a projection uses. The figures are illustrative defaults; edit the table to use your own.

--@ caption: Market parameters
SELECT sector, use_case, accounts, adoption, bass_p, bass_q, growth,
	   regulatory_intensity, data_sensitivity
FROM aibiz.markets
ORDER BY sector, use_case;

--@ caption: Addressable accounts by use case
--@ chart: bar
SELECT name AS market, accounts
FROM aibiz.markets
ORDER BY accounts DESC;
