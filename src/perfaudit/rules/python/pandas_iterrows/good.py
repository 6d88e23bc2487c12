import pandas as pd


def totals(df: pd.DataFrame) -> pd.Series:
    return df["price"] * df["qty"]


def names(df):
    return [row.name for row in df.itertuples(index=False)]


def records(df):
    return df.to_dict("index")
