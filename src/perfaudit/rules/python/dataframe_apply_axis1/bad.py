import pandas as pd


def add_total(df: pd.DataFrame) -> pd.DataFrame:
    df["total"] = df.apply(lambda r: r["price"] * r["qty"], axis=1)  # expect: dataframe-apply-axis1
    return df


def label(df):
    return df.apply(classify, axis="columns")  # expect: dataframe-apply-axis1


def classify(row):
    return "big" if row["qty"] > 10 else "small"
