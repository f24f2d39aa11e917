namespace HighRisk.Rules; public enum RiskColour { Green, Yellow, Orange, Red }
