"""Published data sets used by the SPC tests (literal values from the sources)."""

# Montgomery, Introduction to Statistical Quality Control, 6th ed. (Wiley 2009),
# Example 7.1 (Table 7.1, orange-juice cans, 30 samples of n = 50) and the 24
# samples taken after the machine adjustment (Table 7.2, samples 31–54).
# Also shipped as `orangejuice` in the R package qcc.
OJ_PHASE1 = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11,
             20, 18, 24, 15, 9, 12, 7, 13, 9, 6]
OJ_PHASE2 = [9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5]

# Montgomery 6th ed., Example 7.3 (Table 7.7, nonconformities on 26 samples of
# 100 printed circuit boards) and Table 7.9 (20 further samples);
# qcc's `circuit` data set.
CIRCUIT_PHASE1 = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22,
                  18, 39, 30, 24, 16, 19, 17, 15]
CIRCUIT_PHASE2 = [16, 18, 12, 15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9,
                  16, 21]

# Montgomery 6th ed., Example 7.4: total nonconformities in 20 samples of
# 5 personal computers.
PC_NONCONFORMITIES = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5]

# Montgomery 6th ed., Example 7.5: dyed cloth, nonconformities in rolls of
# varying inspection units (variable-limit u chart).
CLOTH_NONCONFORMITIES = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23]
CLOTH_UNITS = [10.0, 8.0, 13.0, 10.0, 9.5, 10.0, 12.0, 10.5, 12.0, 12.5]

# Montgomery 6th ed., Example 6.5 (Table 6.6): weekly cost of processing
# mortgage loan applications, individuals chart.
MORTGAGE_COST = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299,
                 314, 295, 293, 306, 301, 304]

# Montgomery 6th ed., Table 6.3: inside diameter of forged piston rings,
# 25 preliminary samples of n = 5 (qcc's `pistonrings`, trial = TRUE).
PISTON_RINGS = [
    [74.030, 74.002, 74.019, 73.992, 74.008], [73.995, 73.992, 74.001, 74.011, 74.004],
    [73.988, 74.024, 74.021, 74.005, 74.002], [74.002, 73.996, 73.993, 74.015, 74.009],
    [73.992, 74.007, 74.015, 73.989, 74.014], [74.009, 73.994, 73.997, 73.985, 73.993],
    [73.995, 74.006, 73.994, 74.000, 74.005], [73.985, 74.003, 73.993, 74.015, 73.988],
    [74.008, 73.995, 74.009, 74.005, 74.004], [73.998, 74.000, 73.990, 74.007, 73.995],
    [73.994, 73.998, 73.994, 73.995, 73.990], [74.004, 74.000, 74.007, 74.000, 73.996],
    [73.983, 74.002, 73.998, 73.997, 74.012], [74.006, 73.967, 73.994, 74.000, 73.984],
    [74.012, 74.014, 73.998, 73.999, 74.007], [74.000, 73.984, 74.005, 73.998, 73.996],
    [73.994, 74.012, 73.986, 74.005, 74.007], [74.006, 74.010, 74.018, 74.003, 74.000],
    [73.984, 74.002, 74.003, 74.005, 73.997], [74.000, 74.010, 74.013, 74.020, 74.003],
    [73.988, 74.001, 74.009, 74.005, 73.996], [74.004, 73.999, 73.990, 74.006, 74.009],
    [74.010, 73.989, 73.990, 74.009, 74.014], [74.015, 74.008, 73.993, 74.000, 74.010],
    [73.982, 73.984, 73.995, 74.017, 74.013],
]


# J. Anhøj & M. A. Mohammed, *Mastering SPC Charts in Healthcare* (online book,
# github.com/anhoej/spc4hc), chapter "SPC Charts for Rare Events": the Robson
# group 1 births data set (data/robson1_births.csv), 2193 births in time order;
# these births (1-based, in that order) had asphyxia (16, 0.73%).
BIRTHS = 2193
ASPHYXIA = (238, 337, 401, 656, 724, 872, 945, 980, 1043, 1329, 1353, 1529, 1562, 1980, 2119, 2173)


def births() -> list[int]:
    """The births' asphyxia outcomes, 0/1, in time order."""
    y = [0] * BIRTHS
    for case in ASPHYXIA:
        y[case - 1] = 1
    return y
